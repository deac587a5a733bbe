namespace InLav.Core;

/// <summary>
/// A question that cannot be answered as asked (unknown measure, level, period, dimension, configuration…). It lives in
/// the root namespace because every part of the core may refuse a question (the territorial snapshot as well as the
/// query service), and the root depends on none of them.
/// </summary>
public sealed class QueryException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}
