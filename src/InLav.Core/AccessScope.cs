namespace InLav.Core;

/// <summary>How far a caller's view of detail reaches.</summary>
public enum ScopeKind
{
    /// <summary>Every cell goes through disclosure control.</summary>
    Public,

    /// <summary>Every cell is seen as computed (an internal analyst of the region).</summary>
    Internal,

    /// <summary>Cells of units made only of the scope's comuni are seen as computed; every other cell is public.</summary>
    Limited,
}

/// <summary>
/// The territorial scope of a caller, applied by disclosure control per unit: public (every cell protected), internal
/// (every cell seen) or internal limited to a set of comuni (e.g. the comuni of one ATS): a unit whose comuni all lie in
/// the set is seen unprotected, every other unit is protected as for the public, and secondary suppression still holds
/// so that no protected cell can be recomputed from what the caller sees.
/// </summary>
public sealed class AccessScope
{
    private AccessScope(ScopeKind kind, string name, IReadOnlySet<string> comuni)
    {
        Kind = kind;
        Name = name;
        Comuni = comuni;
    }

    public static AccessScope Public { get; } = new(ScopeKind.Public, "public", new HashSet<string>());

    public static AccessScope Internal { get; } = new(ScopeKind.Internal, "internal", new HashSet<string>());

    /// <summary>An internal scope limited to the given comuni (ISTAT codes); <paramref name="name"/> says which (e.g. "ats:321").</summary>
    public static AccessScope Limited(string name, IEnumerable<string> comuni) =>
        new(ScopeKind.Limited, name, comuni.ToHashSet(StringComparer.Ordinal));

    public ScopeKind Kind { get; }

    /// <summary>A stable name of the scope, part of every cache key of an answer computed for it.</summary>
    public string Name { get; }

    /// <summary>The comuni of a limited scope (empty otherwise).</summary>
    public IReadOnlySet<string> Comuni { get; }

    /// <summary>True when no cell is protected for this scope.</summary>
    public bool SeesEverything => Kind == ScopeKind.Internal;

    /// <summary>True when every cell is protected for this scope.</summary>
    public bool IsPublic => Kind == ScopeKind.Public;

    /// <summary>True when a unit made of these comuni is seen unprotected (a unit of no comuni is never covered by a limited scope).</summary>
    public bool Covers(IReadOnlyCollection<string> comuniOfUnit) => Kind switch
    {
        ScopeKind.Internal => true,
        ScopeKind.Public => false,
        _ => comuniOfUnit.Count > 0 && comuniOfUnit.All(Comuni.Contains),
    };

    public override string ToString() => Name;
}
