using InLav.Sources.Catalogue;
using InLav.Sources.Cob;
using InLav.Sources.Parsers;

namespace InLav.Sources.Synthetic;

/// <summary>
/// Generates the SYNTHETIC COB events at import time (no file is written: the data directory is read-only, and the events are
/// a pure function of the real inputs, the seed and the generator version, all of which the import run records). The source's
/// file is the MLPS regional series; options: seed, initialStock, generatorVersion, fromPeriod (first quarter generated, e.g.
/// "2025-Q1"; default the whole series), and the reference files comuni (SITUAS
/// list with Belfiore codes), employed (2011 census) and population (POSAS). The catalogue entry must say "synthetic": true.
/// </summary>
public sealed class CobSyntheticParser : ISourceParser
{
    public string Id => "cob-synthetic";

    public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
    {
        if (!source.Synthetic)
        {
            throw new InvalidOperationException($"Source '{source.Id}' uses the synthetic generator but its catalogue entry does not say \"synthetic\": true.");
        }

        var generator = Create(path, source, context);
        var sink = context.RequireEvents();
        into.EventWindow = new CobWindow(generator.Window.From, generator.Window.To, HasStock: true);
        foreach (var contract in generator.Generate())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            into.RowsRead++;
            CobParsers.AddEvents(contract, sink, into);

            if (into.RowsRead % 100_000 == 0)
            {
                context.RowsProgress?.Report(into.RowsRead);
            }
        }
    }

    /// <summary>The generator of the source: its inputs from the option fromPeriod on, its seed and its initial stock.</summary>
    public static CobGenerator Create(string seriesPath, SourceDefinition source, ParseContext context) =>
        new(FromPeriod(LoadInputs(seriesPath, source, context), source), source.IntOption("seed", 1), source.IntOption("initialStock", CobGenerator.DefaultInitialStock));

    /// <summary>The real inputs of the source: the series file and the reference files its options name (the whole series).</summary>
    public static SyntheticInputs LoadInputs(string seriesPath, SourceDefinition source, ParseContext context) =>
        SyntheticInputs.Load(seriesPath, context.ReferenceFile(source, "comuni"), context.ReferenceFile(source, "employed"), context.ReferenceFile(source, "population"));

    /// <summary>The inputs restricted to the quarters from the option fromPeriod on (all of them without the option).</summary>
    public static SyntheticInputs FromPeriod(SyntheticInputs inputs, SourceDefinition source)
    {
        var from = source.Option("fromPeriod", "");
        if (from.Length == 0)
        {
            return inputs;
        }

        inputs = inputs with { Series = [.. inputs.Series.Where(q => string.CompareOrdinal(q.Period, from) >= 0)] };
        return inputs.Series.Count > 0
            ? inputs
            : throw new InvalidOperationException($"Option fromPeriod '{from}' of source '{source.Id}' leaves no quarter of the series.");
    }
}
