namespace InLav.Core.Territory;

/// <summary>
/// A grouping of comuni (province, CPI, SLL 2001, ATS, an operator's Ambiti Territoriali Sociali…), versioned by edition.
/// Memberships name comuni by the codes valid at the classification's reference date; the crosswalk restates them.
/// </summary>
public sealed record ClassificationDefinition(
    string Id,
    string NameIt,
    string NameEn,
    string Edition,
    DateOnly? ReferenceDate,
    string SourceId,
    string? NotesIt = null,
    string? NotesEn = null);

/// <summary>Comune → group, within one classification. Optional validity interval for classifications that change over time.</summary>
public sealed record Membership(
    string ClassificationId,
    string ComuneCode,
    string GroupCode,
    string GroupName,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null);

/// <summary>Levels the system always knows, built from the registry itself.</summary>
public static class BuiltInLevel
{
    public const string Comune = "comune";
    public const string Provincia = "provincia";
    public const string Regione = "regione";
}
