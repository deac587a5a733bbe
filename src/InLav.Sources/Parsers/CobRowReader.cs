using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Cob;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// Reads and checks the rows of one internal-layout file; every problem is an error naming file, line and column. Column
/// positions are taken from the file's first record (one reader per file), and dates are parsed without format tables:
/// this runs once per contract, millions of times.
/// </summary>
public sealed class CobRowReader(ContractTypes contracts, BelfioreCodes belfiore, ParseContext context)
{
    private static readonly Dictionary<string, string> UtsOf = Province.Lombardy.ToDictionary(p => p.Code, p => p.UtsCode, StringComparer.Ordinal);
    private int[]? index;

    public CobContract? Read(DelimitedRecord r, ParsedDataset into)
    {
        index ??= [.. CobParsers.CobInternal.Columns.Select(r.ColumnIndex)];
        string Cell(int column) => r.Fields[index[column]].Trim();
        SourcePosition At(int column) => new(r.File, r.Line, index[column] + 1);

        var errors = into.Errors.Count;
        var start = Date(Cell(1), At(1), "inizio", into);
        var endRaw = Cell(2);
        DateOnly? end = null;
        if (endRaw.Length > 0 && Date(endRaw, At(2), "fine", into) is { } e && e != CobContract.OpenEnd)
        {
            end = e;
            if (start is { } s && e < s)
            {
                into.Errors.Add(new ImportIssue(At(2), FormattableString.Invariant($"the contract ends on {e:yyyy-MM-dd}, before it starts ({s:yyyy-MM-dd})")));
            }
        }

        var code = Cell(3);
        if (!contracts.IsKnown(code))
        {
            into.Errors.Add(new ImportIssue(At(3), $"unknown contract code '{code}' (not in the ministry list of contract types)"));
        }

        string? comune = null;
        var cadastral = Cell(4);
        if (start is { } day)
        {
            comune = belfiore.IstatAt(cadastral, day);
            if (comune is null)
            {
                into.Errors.Add(new ImportIssue(At(4), $"unknown Belfiore code '{cadastral}' (not a Lombard comune in the ANPR archive)"));
            }
            else if (!context.IsKnownComune(comune))
            {
                into.Errors.Add(new ImportIssue(At(4), $"Belfiore code '{cadastral}' gives comune {comune}, which the territorial registry does not know"));
                comune = null;
            }
        }

        var age = CobParsers.Age(Cell(5), At(5), into);

        var sexText = Cell(6);
        var sex = sexText switch { "M" => SexCode.Male, "F" => SexCode.Female, _ => null };
        if (sex is null)
        {
            into.Errors.Add(new ImportIssue(At(6), $"sex '{sexText}' is not M or F"));
        }

        var country = Cell(7);
        if (country.Length != 3 || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]) || !char.IsAsciiLetterUpper(country[2]))
        {
            into.Errors.Add(new ImportIssue(At(7), $"citizenship '{country}' is not an ISO 3166 alpha-3 code (ITA for Italian)"));
        }

        if (into.Errors.Count > errors || start is null || comune is null || sex is null)
        {
            return null;
        }

        var italian = country == CitizenshipCode.Italian;
        var ateco = Cell(8);
        var province = UtsOf.TryGetValue(ComuneCode.ProvinceOf(comune), out var uts) ? uts : ComuneCode.ProvinceOf(comune);
        return new CobContract(Cell(0), start.Value, end, code, comune, province, age, sex, italian ? CitizenshipCode.Italian : CitizenshipCode.Foreign,
            italian ? null : country, ateco.Length == 0 ? null : ateco);
    }

    /// <summary>A date yyyy-MM-dd, read digit by digit (the checked fallback names the problem).</summary>
    private static DateOnly? Date(string text, SourcePosition at, string column, ParsedDataset into)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text, 0, 4) is var y and > 0 && Digits(text, 5, 2) is var m and >= 1 and <= 12 && Digits(text, 8, 2) is var d
            && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        into.Errors.Add(new ImportIssue(at, $"'{text}' in '{column}' is not a date (yyyy-MM-dd)"));
        return null;
    }

    private static int Digits(string text, int from, int count)
    {
        var value = 0;
        for (var i = from; i < from + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = value * 10 + (c - '0');
        }

        return value;
    }
}
