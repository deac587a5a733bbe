using InLav.Application.Downloads;
using InLav.Application.Explorer;
using InLav.Core;

namespace InLav.Application;

/// <summary>Downloads.</summary>
public sealed partial class Door
{
    /// <summary>
    /// An explorer view's values as CSV, XLSX or GeoJSON (the caller's disclosure control: suppressed cells stay empty and
    /// flagged). Query errors for an unknown format or a view without data.
    /// </summary>
    public Download ExplorerDownload(Caller caller, ExplorerQuestion question, string? format)
    {
        if (format is not null && !ExplorerDownloads.Formats.Contains(format.ToLowerInvariant(), StringComparer.Ordinal) && format.Length > 0)
        {
            throw new QueryException("Unknown format", $"Unknown format '{format}': use {string.Join(", ", ExplorerDownloads.Formats)}.");
        }

        var view = Explorer(caller, question with { WithSeries = false });
        if (view.Result is not { } result)
        {
            throw new QueryException("No data", view.Problem ?? "The indicator has no period with data.");
        }

        return Answers.Get(caller, "download|" + format?.ToLowerInvariant() + "|" + question.Key,
            () => ExplorerDownloads.Write(question, result, Layer(caller, question.Level), format)!, d => d.Content.Length + 256);
    }
}
