namespace InLav.Sources.Cob;

/// <summary>The kinds of COB event (Comunicazioni Obbligatorie): the four Regione Lombardia open datasets.</summary>
public static class CobEventType
{
    public const string Hiring = "hiring";
    public const string Termination = "termination";
    public const string Extension = "extension";
    public const string Transformation = "transformation";
}

/// <summary>
/// One COB event at a workplace. Comune is the 6-digit ISTAT code of the workplace (null when the layout gives only the
/// province, as the open data do); Province is the UTS code (215 for Milano). Contract is the ministry code (null when the
/// source's text has no code in the list); Start and End are the contract's dates (End null = open-ended or still active,
/// both null when the layout does not give them). Age is the age at the start of the contract (the store bands it).
/// Citizenship is ITA or FOR, Country the ISO 3166 alpha-3 code or the source's country name where given.
/// </summary>
public readonly record struct CobEvent(
    string Type,
    DateOnly Date,
    string? Comune,
    string Province,
    string? Contract,
    DateOnly? Start,
    DateOnly? End,
    string Sex,
    int Age,
    string Citizenship,
    string? Country,
    string? Ateco);

/// <summary>Where parsers stream COB events; the store's implementation bulk-writes them under the import run.</summary>
public interface ICobEventSink
{
    void Add(in CobEvent e);
}

/// <summary>
/// The observation window of a set of events: the store makes quarterly facts only for the quarters inside it. HasStock says
/// whether the events are complete contracts (start and end of every contract active in the window), so that the stock of
/// active contracts at each quarter end can be computed; the open data, which are flows only, have no stock.
/// </summary>
public sealed record CobWindow(DateOnly From, DateOnly To, bool HasStock);

/// <summary>Helpers shared by the COB parsers and the generator.</summary>
public static class CobCodes
{
    /// <summary>The ministry code of intermittent work ("LAVORO INTERMITTENTE", checked in mlps_tipologie_contrattuali_subset.csv).</summary>
    public const string Intermittent = "A.05.02";

    /// <summary>The quarter period "2024-Q1" of a date.</summary>
    public static string Quarter(DateOnly d) => FormattableString.Invariant($"{d.Year:D4}-Q{(d.Month - 1) / 3 + 1}");
}
