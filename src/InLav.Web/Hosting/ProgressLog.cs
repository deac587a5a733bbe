using InLav.Store.Imports;

namespace InLav.Web.Hosting;

/// <summary>Import progress in the server log, at most one line every two seconds.</summary>
public static class ProgressLog
{
    public static IProgress<ImportProgress> For(ILogger logger)
    {
        var last = DateTime.MinValue;
        return new Progress<ImportProgress>(p =>
        {
            if (DateTime.UtcNow - last > TimeSpan.FromSeconds(2))
            {
                last = DateTime.UtcNow;
                logger.LogInformation("{Progress}", p.ToString());
            }
        });
    }
}
