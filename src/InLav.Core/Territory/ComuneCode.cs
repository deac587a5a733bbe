namespace InLav.Core.Territory;

/// <summary>ISTAT comune codes: six digits, province (3) + progressive (3). Sources drop leading zeros.</summary>
public static class ComuneCode
{
    /// <summary>Normalises "12001", "012001", " 12001.0" to "012001"; null when it is not a comune code.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var s = raw.Trim();
        if (s.EndsWith(".0", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        if (s.Length is 0 or > 6 || !s.All(char.IsAsciiDigit))
        {
            return null;
        }

        return s.PadLeft(6, '0');
    }

    public static string ProvinceOf(string code) => code[..3];
}
