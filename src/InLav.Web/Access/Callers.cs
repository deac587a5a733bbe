using InLav.Application;

namespace InLav.Web.Access;

/// <summary>
/// Who asks, for every channel of the web host: the one place where the access issue's login, roles and API keys will
/// turn a request into an internal or scoped caller. Until then every request is the public caller.
/// </summary>
public static class Callers
{
    public static Caller Of(HttpContext? http) => Caller.Public;
}
