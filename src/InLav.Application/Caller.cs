using InLav.Core;
using InLav.Core.Query;

namespace InLav.Application;

/// <summary>
/// Who asks the door: the audience (public channels or internal users), the role (arrives with login in the access issue;
/// today "anonymous" for the public and a name for internal callers) and the territorial scope that disclosure control
/// applies per unit. Answers depend on the scope only, so the scope names the cache entry of an answer.
/// </summary>
public sealed record Caller(string Audience, string Role, AccessScope Scope)
{
    public const string PublicAudience = "public";
    public const string InternalAudience = "internal";

    /// <summary>Every public channel: every cell under disclosure control.</summary>
    public static Caller Public { get; } = new(PublicAudience, "anonymous", AccessScope.Public);

    /// <summary>An internal caller of the whole region: every cell as computed.</summary>
    public static Caller Internal(string role = "analyst") => new(InternalAudience, role, AccessScope.Internal);

    /// <summary>An internal caller limited to a set of comuni (e.g. an ATS's): detail there, public cells elsewhere.</summary>
    public static Caller Limited(string role, AccessScope scope) =>
        scope.Kind == ScopeKind.Limited ? new(InternalAudience, role, scope) : throw new ArgumentException("A limited caller needs a limited scope.", nameof(scope));

    public override string ToString() => $"{Audience}/{Role}/{Scope.Name}";
}
