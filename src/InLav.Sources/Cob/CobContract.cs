using System.Globalization;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Parsers;
using InLav.Sources.Reading;

namespace InLav.Sources.Cob;

/// <summary>
/// One contract of the internal comune-level layout (one CSV row): workplace comune (ISTAT code, read from its Belfiore code),
/// ministry contract code, start and end (null = open-ended or still active), age at start, sex, citizenship, ATECO group.
/// </summary>
public sealed record CobContract(
    string Id,
    DateOnly Start,
    DateOnly? End,
    string Contract,
    string Comune,
    string Province,
    int Age,
    string Sex,
    string Citizenship,
    string? Country,
    string? Ateco)
{
    /// <summary>The open end of the warehouse ("fine" = 9999-12-31).</summary>
    public static readonly DateOnly OpenEnd = new(9999, 12, 31);

    /// <summary>The contract's events: a hiring on its start and, when it has ended, a termination on its end.</summary>
    public IEnumerable<CobEvent> Events()
    {
        var band = CobCodes.AgeBandOf(Age);
        yield return new CobEvent(CobEventType.Hiring, Start, Comune, Province, Contract, Start, End, Sex, Age, band, Citizenship, Country, Ateco);
        if (End is { } end)
        {
            yield return new CobEvent(CobEventType.Termination, end, Comune, Province, Contract, Start, End, Sex, Age, band, Citizenship, Country, Ateco);
        }
    }
}

/// <summary>Reads and checks one row of the internal layout; every problem is an error naming file, line and column.</summary>
public sealed class CobRowReader(ContractTypes contracts, BelfioreCodes belfiore, ParseContext context)
{
    public CobContract? Read(DelimitedRecord r, ParsedDataset into)
    {
        var errors = into.Errors.Count;
        var start = Date(r, "inizio", into);
        var endRaw = r["fine"];
        DateOnly? end = null;
        if (endRaw.Length > 0 && Date(r, "fine", into) is { } e && e != CobContract.OpenEnd)
        {
            end = e;
            if (start is { } s && e < s)
            {
                into.Errors.Add(new ImportIssue(r.At("fine"), FormattableString.Invariant($"the contract ends on {e:yyyy-MM-dd}, before it starts ({s:yyyy-MM-dd})")));
            }
        }

        var code = r["cod_tipologia_contrattuale"];
        if (!contracts.IsKnown(code))
        {
            into.Errors.Add(new ImportIssue(r.At("cod_tipologia_contrattuale"), $"unknown contract code '{code}' (not in the ministry list of contract types)"));
        }

        string? comune = null;
        var cadastral = r["comune_sede_lavoro"];
        if (start is { } day)
        {
            comune = belfiore.IstatAt(cadastral, day);
            if (comune is null)
            {
                into.Errors.Add(new ImportIssue(r.At("comune_sede_lavoro"), $"unknown Belfiore code '{cadastral}' (not a Lombard comune in the ANPR archive)"));
            }
            else if (!context.IsKnownComune(comune))
            {
                into.Errors.Add(new ImportIssue(r.At("comune_sede_lavoro"), $"Belfiore code '{cadastral}' gives comune {comune}, which the territorial registry does not know"));
                comune = null;
            }
        }

        var age = int.TryParse(r["eta"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a is >= 14 and <= 100 ? a : -1;
        if (age < 0)
        {
            into.Errors.Add(new ImportIssue(r.At("eta"), $"age '{r["eta"]}' is not a whole number of years from 14 to 100"));
        }

        var sex = r["sesso"] switch { "M" => SexCode.Male, "F" => SexCode.Female, _ => null };
        if (sex is null)
        {
            into.Errors.Add(new ImportIssue(r.At("sesso"), $"sex '{r["sesso"]}' is not M or F"));
        }

        var country = r["cittadinanza"];
        if (country.Length != 3 || !country.All(char.IsAsciiLetterUpper))
        {
            into.Errors.Add(new ImportIssue(r.At("cittadinanza"), $"citizenship '{country}' is not an ISO 3166 alpha-3 code (ITA for Italian)"));
        }

        if (into.Errors.Count > errors || start is null || comune is null || sex is null)
        {
            return null;
        }

        var italian = country == CitizenshipCode.Italian;
        var ateco = r["ateco_gruppo"];
        var province = Province.ByCode(ComuneCode.ProvinceOf(comune))?.UtsCode ?? ComuneCode.ProvinceOf(comune);
        return new CobContract(r["id"], start.Value, end, code, comune, province, age, sex, italian ? CitizenshipCode.Italian : CitizenshipCode.Foreign,
            italian ? null : country, ateco.Length == 0 ? null : ateco);
    }

    private static DateOnly? Date(DelimitedRecord r, string column, ParsedDataset into)
    {
        try
        {
            return ParserHelpers.Date(r, column);
        }
        catch (SourceFormatException e)
        {
            into.Errors.Add(new ImportIssue(e.Position, e.Reason));
            return null;
        }
    }
}
