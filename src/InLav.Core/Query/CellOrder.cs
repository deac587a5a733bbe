namespace InLav.Core.Query;

/// <summary>The order every answer is given in: unit, period, then sex, age and citizenship (ordinal).</summary>
public static class CellOrder
{
    public static int Compare((string Unit, string Period, string Sex, string Age, string Citizenship) a, (string Unit, string Period, string Sex, string Age, string Citizenship) b)
    {
        var c = string.CompareOrdinal(a.Unit, b.Unit);
        if (c == 0) c = string.CompareOrdinal(a.Period, b.Period);
        if (c == 0) c = string.CompareOrdinal(a.Sex, b.Sex);
        if (c == 0) c = string.CompareOrdinal(a.Age, b.Age);
        if (c == 0) c = string.CompareOrdinal(a.Citizenship, b.Citizenship);
        return c;
    }
}
