namespace InLav.Cli;

/// <summary>The process exit codes.</summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
}

/// <summary>An expected failure: one line for the user, and the exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCode.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
