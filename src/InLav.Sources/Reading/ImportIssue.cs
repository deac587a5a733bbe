namespace InLav.Sources.Reading;

/// <summary>Where a problem is: file, line (1-based, physical line where the record starts) and column (1-based field index, 0 when the whole line).</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => Column > 0
        ? FormattableString.Invariant($"{File}, line {Line}, column {Column}")
        : FormattableString.Invariant($"{File}, line {Line}");
}

/// <summary>A problem found while reading a source file.</summary>
public sealed record ImportIssue(SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}

/// <summary>Thrown for a problem that stops reading a file at once (wrong delimiter, encoding, layout, size).</summary>
public sealed class SourceFormatException(SourcePosition position, string message) : Exception($"{position}: {message}")
{
    public SourcePosition Position { get; } = position;

    public string Reason { get; } = message;
}
