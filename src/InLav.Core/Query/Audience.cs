namespace InLav.Core.Query;

/// <summary>Who asks: the public channels get disclosure control; the internal profile (roles arrive with the access issue) sees every cell.</summary>
public enum Audience
{
    Public,
    Internal,
}
