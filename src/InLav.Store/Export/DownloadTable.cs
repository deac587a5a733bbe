using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;

namespace InLav.Store.Export;

/// <summary>
/// One observation of a download: a unit × period × breakdown cell of a measure or indicator answer, with everything every
/// format writes about it. A confidential cell (flag c) never carries a value, a numerator or a denominator: the table drops
/// them even if an answer had them, so no writer can leak one.
/// </summary>
public sealed record DownloadRow(
    string UnitCode,
    string UnitName,
    string Period,
    string Sex,
    string Age,
    string Citizenship,
    double? Value,
    double? Numerator,
    double? Denominator,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Reliability,
    bool Synthetic,
    IReadOnlyList<long> ImportRuns)
{
    public bool Confidential => Flags.Contains(FactFlag.Confidential);

    /// <summary>The flags in one field, space-separated (as every text format writes them).</summary>
    public string FlagText => string.Join(' ', Flags);

    public string ReliabilityText => string.Join(' ', Reliability);

    public string ImportRunText => string.Join(' ', ImportRuns);
}

/// <summary>
/// The tidy long table of a download (one row per unit × period × breakdown), built once from a core answer; every writer
/// (CSV, Excel CSV, JSON, Parquet, JSON-stat, SDMX-CSV, zip) writes this table, so they all give the same values and flags.
/// </summary>
public sealed record DownloadTable(
    string Kind,
    string Code,
    string TitleIt,
    string TitleEn,
    string DescriptionIt,
    string DescriptionEn,
    string Unit,
    string Level,
    string LevelName,
    DateOnly ConfigurationDate,
    string Configuration,
    IReadOnlyList<string> Periods,
    IReadOnlyList<DownloadRow> Rows,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> DeclaredSources)
{
    public const string MeasureKind = "measure";
    public const string IndicatorKind = "indicator";

    /// <summary>True when any row is built from generated figures: every format then says SYNTHETIC.</summary>
    public bool HasSynthetic => Rows.Any(r => r.Synthetic);

    /// <summary>Whether an answer broke down by the dimension (sex, age, citizenship): some row is not the total.</summary>
    public bool Has(string dimension) => Rows.Any(r => Cell(r, dimension) != Dimension.Total);

    /// <summary>The distinct import runs behind the rows, in order.</summary>
    public IReadOnlyList<long> ImportRuns => [.. Rows.SelectMany(r => r.ImportRuns).Distinct().Order()];

    public static string Cell(DownloadRow row, string dimension) => dimension switch
    {
        Dimension.Sex => row.Sex,
        Dimension.Age => row.Age,
        Dimension.Citizenship => row.Citizenship,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "sex, age or citizenship"),
    };

    public static DownloadTable From(QueryResult result) => new(
        MeasureKind, result.Measure, result.Definition.TitleIt, result.Definition.TitleEn, result.Definition.DescriptionIt, result.Definition.DescriptionEn,
        result.Definition.Unit, result.Level, result.LevelName, result.ConfigurationDate, result.Configuration, result.Periods,
        [.. result.Rows.Select(r => Row(r.UnitCode, r.UnitName, r.Period, r.Sex, r.Age, r.Citizenship, r.Value, null, null, r.Flags, [], r.Synthetic, r.ImportRuns))],
        [.. result.Notes.Select(n => n.Text)], []);

    public static DownloadTable From(IndicatorResult result)
    {
        var d = result.Definition;
        return new(
            IndicatorKind, d.Code, d.TitleIt, d.TitleEn, d.DescriptionIt, d.DescriptionEn, d.Unit, result.Level, result.LevelName, result.ConfigurationDate,
            result.Configuration, result.Periods,
            [.. result.Rows.Select(r => Row(r.UnitCode, r.UnitName, r.Period, r.Sex, r.Age, r.Citizenship, r.Value, r.Numerator, r.Denominator, r.Flags, r.Reliability, r.Synthetic, r.ImportRuns))],
            [.. result.Notes.Select(n => n.Text)], d.Sources);
    }

    /// <summary>The wide layout (units × periods), from this table.</summary>
    public WideTable Wide() => WideTable.From(this);

    private static DownloadRow Row(string unit, string name, string period, string sex, string age, string citizenship, double? value, double? numerator,
        double? denominator, IReadOnlyList<string> flags, IReadOnlyList<string> reliability, bool synthetic, IReadOnlyList<long> runs)
    {
        var confidential = flags.Contains(FactFlag.Confidential);
        var allFlags = synthetic && !flags.Contains(FactFlag.Synthetic) ? [.. flags, FactFlag.Synthetic] : flags;
        return new(unit, name, period, sex, age, citizenship, confidential ? null : value, confidential ? null : numerator, confidential ? null : denominator,
            allFlags, reliability, synthetic, runs);
    }
}

/// <summary>One line of the wide layout: a unit and a breakdown cell, with one value and one flag field per period.</summary>
public sealed record WideRow(string UnitCode, string UnitName, string Sex, string Age, string Citizenship, IReadOnlyList<DownloadRow?> Cells)
{
    public bool Synthetic => Cells.Any(c => c?.Synthetic == true);
}

/// <summary>
/// The wide layout people expect in a spreadsheet: one line per unit (and breakdown cell), one column pair (value, flags) per
/// period. Built from the tidy table, so its values and flags are the tidy rows' own.
/// </summary>
public sealed record WideTable(DownloadTable Source, IReadOnlyList<string> Periods, IReadOnlyList<WideRow> Rows)
{
    public static WideTable From(DownloadTable table)
    {
        var periods = table.Periods.Concat(table.Rows.Select(r => r.Period)).Distinct(StringComparer.Ordinal).ToList();
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var rows = table.Rows
            .GroupBy(r => (r.UnitCode, r.Sex, r.Age, r.Citizenship))
            .Select(g =>
            {
                var cells = new DownloadRow?[periods.Count];
                foreach (var r in g)
                {
                    cells[index[r.Period]] = r;
                }

                return new WideRow(g.Key.UnitCode, g.First().UnitName, g.Key.Sex, g.Key.Age, g.Key.Citizenship, cells);
            })
            .ToList();
        return new(table, periods, rows);
    }
}
