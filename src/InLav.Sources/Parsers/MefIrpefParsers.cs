using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of the MEF (Dipartimento delle Finanze) IRPEF open data: per comune and regional tables by income class.</summary>
public static class MefIrpefParsers
{
    /// <summary>The Frequenza/Ammontare pairs of the per-comune file, in file order, with the item slug of their measures.</summary>
    internal static readonly (string Item, string Column)[] ComuneItems =
    [
        ("buildings", "Reddito da fabbricati"),
        ("employee", "Reddito da lavoro dipendente e assimilati"),
        ("pension", "Reddito da pensione"),
        ("self_employed", "Reddito da lavoro autonomo (comprensivo dei valori nulli)"),
        ("entrepreneur_ordinary", "Reddito di spettanza dell'imprenditore in contabilita' ordinaria (comprensivo dei valori nulli)"),
        ("entrepreneur_simplified", "Reddito di spettanza dell'imprenditore in contabilita' semplificata (comprensivo dei valori nulli)"),
        ("participation", "Reddito da partecipazione (comprensivo dei valori nulli)"),
        ("taxable", "Reddito imponibile"),
        ("net_tax", "Imposta netta"),
        ("bonus", BonusColumn),
        ("surcharge_taxable", "Reddito imponibile addizionale"),
        ("regional_surcharge", "Addizionale regionale dovuta"),
        ("municipal_surcharge", "Addizionale comunale dovuta"),
        ("class_le0", "Reddito complessivo minore o uguale a zero euro"),
        ("class_0_10k", "Reddito complessivo da 0 a 10000 euro"),
        ("class_10_15k", "Reddito complessivo da 10000 a 15000 euro"),
        ("class_15_26k", "Reddito complessivo da 15000 a 26000 euro"),
        ("class_26_55k", "Reddito complessivo da 26000 a 55000 euro"),
        ("class_55_75k", "Reddito complessivo da 55000 a 75000 euro"),
        ("class_75_120k", "Reddito complessivo da 75000 a 120000 euro"),
        ("class_gt120k", "Reddito complessivo oltre 120000 euro"),
    ];

    /// <summary>Placeholder for the bonus column, named "Bonus spettante" up to 2020 and "Trattamento spettante" from 2021 (option bonusColumn).</summary>
    private const string BonusColumn = "{bonus}";

    private const string Frequency = " - Frequenza";
    private const string Amount = " - Ammontare in euro";

    /// <summary>Item slug of the pair "Reddito complessivo" that MEF added in the 2023 layout (option totalIncomeColumn).</summary>
    internal const string TotalIncomeItem = "total_income";

    /// <summary>
    /// "Redditi e principali variabili IRPEF su base comunale" for one tax year (option year): Numero contribuenti and every
    /// Frequenza/Ammontare pair, stored per comune as irpef_taxpayers, irpef_&lt;item&gt;_n and irpef_&lt;item&gt;_eur (period = the
    /// tax year, dimensions T). Blank cells (fewer than 3 taxpayers) are suppressed at source ("s"). Comune codes with or without
    /// leading zeros; the region code must be Lombardy's (3 or 03) and the tax year column must equal the option year.
    /// Amounts may be negative (the class "reddito complessivo ≤ 0"); frequencies are whole numbers ≥ 0.
    /// Every cell is read by its header name, never by position, so the yearly layouts differ only in the catalogue options:
    /// bonusColumn ("Bonus spettante" up to 2020, "Trattamento spettante" from 2021) and totalIncomeColumn (from 2023 MEF adds
    /// the pair "Reddito complessivo - Frequenza / - Ammontare in euro", stored as irpef_total_income_n / _eur; a year without
    /// the option must not have the pair, a year with it must). Header cells are trimmed (the 2023 header ends with a space),
    /// and the empty fields past the header that some years write (none, one or two) are dropped.
    /// </summary>
    public sealed class Comuni : ISourceParser
    {
        public string Id => "mef-irpef-comuni";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var year = source.RequiredOption("year");
            var bonus = source.Option("bonusColumn", "Bonus spettante");
            var items = ComuneItems.Select(i => (i.Item, Column: i.Column == BonusColumn ? bonus : i.Column)).ToList();
            if (source.Option("totalIncomeColumn", "") is { Length: > 0 } totalIncome)
            {
                items.Add((TotalIncomeItem, totalIncome));
            }

            var columns = new List<string>
            {
                "Anno di imposta", "Codice catastale", "Codice Istat Comune", "Denominazione Comune", "Sigla Provincia", "Regione",
                "Codice Istat Regione", "Numero contribuenti",
            };
            columns.AddRange(items.SelectMany(i => new[] { i.Column + Frequency, i.Column + Amount }));
            foreach (var r in ParserHelpers.Records(path, source, context, columns, trailingEmpty: true))
            {
                into.RowsRead++;
                if (r["Anno di imposta"] != year)
                {
                    into.Errors.Add(new ImportIssue(r.At("Anno di imposta"), $"tax year '{r["Anno di imposta"]}', expected {year}"));
                    continue;
                }

                if (r["Codice Istat Regione"].TrimStart('0') != "3")
                {
                    into.Errors.Add(new ImportIssue(r.At("Codice Istat Regione"), $"region '{r["Codice Istat Regione"]}' is not Lombardy (03)"));
                    continue;
                }

                var code = context.RequireComune(r["Codice Istat Comune"], r.At("Codice Istat Comune"), into);
                if (code is null)
                {
                    continue;
                }

                Add(into, r, "irpef_taxpayers", code, year, "Numero contribuenti", count: true);
                foreach (var (item, column) in items)
                {
                    Add(into, r, $"irpef_{item}_n", code, year, column + Frequency, count: true);
                    Add(into, r, $"irpef_{item}_eur", code, year, column + Amount, count: false);
                }
            }
        }

        private static void Add(ParsedDataset into, DelimitedRecord r, string measure, string code, string year, string column, bool count)
        {
            var value = count
                ? Numbers.Count(r, column, NumberStyle.Plain, blankIsSuppressed: true)
                : Numbers.Number(r, column, NumberStyle.Plain, blankIsSuppressed: true);
            into.AddFact(Fact.ForComune(measure, code, year, DimensionKey.Total, value), r.At(column));
        }
    }

    /// <summary>
    /// MEF regional tables by class of reddito complessivo (REG_tipo_reddito, REG_calcolo_irpef; option table = "tipo_reddito" or
    /// "calcolo_irpef"): one row per class, no total row, numbers with "." as thousands separator. Option period. Stored at the
    /// native level regione (unit 03): for each item of the table, irpef_reg_&lt;item&gt;_n and _eur = the sum over the 34 classes,
    /// flagged "p" when a class cell is blank (the sum is then a lower bound). The calcolo_irpef table also gives the taxpayers
    /// (irpef_reg_taxpayers) and, per class k, the taxpayers (irpef_reg_class_&lt;k&gt;_n) and their reddito complessivo
    /// (irpef_reg_class_&lt;k&gt;_eur): the class distribution, since the class is not one of the fact dimensions.
    /// </summary>
    public sealed class Regional : ISourceParser
    {
        public string Id => "mef-irpef-regione";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var period = source.RequiredOption("period");
            var table = source.RequiredOption("table");
            var items = MefRegionalTables.Items(table);
            var classes = table == MefRegionalTables.CalcoloIrpef;
            var columns = new List<string> { MefRegionalTables.ClassColumn, "Regione", "Numero contribuenti" };
            columns.AddRange(items.SelectMany(i => new[] { i.Column + Frequency, i.Column + Amount }));
            var cells = items.SelectMany(i => new[] { ($"irpef_reg_{i.Item}_n", i.Column + Frequency, true), ($"irpef_reg_{i.Item}_eur", i.Column + Amount, false) }).ToList();
            if (classes)
            {
                cells.Insert(0, ("irpef_reg_taxpayers", "Numero contribuenti", true));
            }

            var sums = new Dictionary<string, (double Sum, int Blank, SourcePosition At)>(StringComparer.Ordinal);
            var seen = new List<string>();
            foreach (var r in ParserHelpers.Records(path, source, context, columns))
            {
                into.RowsRead++;
                if (r["Regione"] != Province.RegionName)
                {
                    into.Errors.Add(new ImportIssue(r.At("Regione"), $"region '{r["Regione"]}' is not Lombardia"));
                    continue;
                }

                var slug = MefRegionalTables.ClassSlug(r[MefRegionalTables.ClassColumn]);
                if (slug is null)
                {
                    into.Errors.Add(new ImportIssue(r.At(MefRegionalTables.ClassColumn), $"'{r[MefRegionalTables.ClassColumn]}' is not a class of reddito complessivo"));
                    continue;
                }

                seen.Add(slug);
                foreach (var (measure, column, count) in cells)
                {
                    var value = Value(r, column, count);
                    var s = sums.GetValueOrDefault(measure, (0, 0, r.At(column)));
                    sums[measure] = (s.Sum + (value ?? 0), s.Blank + (value is null ? 1 : 0), s.At);
                }

                if (classes)
                {
                    const string income = "Reddito complessivo" + Amount;
                    Add(into, $"irpef_reg_class_{slug}_n", period, Value(r, "Numero contribuenti", true), null, r.At("Numero contribuenti"));
                    Add(into, $"irpef_reg_class_{slug}_eur", period, Value(r, income, false), null, r.At(income));
                }
            }

            if (!seen.SequenceEqual(MefRegionalTables.Classes.Select(c => c.Slug)))
            {
                into.Errors.Add(new ImportIssue(new SourcePosition(Path.GetFileName(path), 0, 0),
                    FormattableString.Invariant($"expected the {MefRegionalTables.Classes.Count} classes of reddito complessivo once each and in order, found {seen.Count} rows")));
            }

            foreach (var (measure, (sum, blank, at)) in sums)
            {
                Add(into, measure, period, sum, blank > 0 ? FactFlag.PartiallySuppressed : null, at);
            }
        }

        private static double? Value(DelimitedRecord r, string column, bool count) => count
            ? Numbers.Count(r, column, NumberStyle.Italian, blankIsSuppressed: true)
            : Numbers.Number(r, column, NumberStyle.Italian, blankIsSuppressed: true);

        private static void Add(ParsedDataset into, string measure, string period, double? value, string? flag, SourcePosition at) =>
            into.AddFact(new Fact(measure, NativeLevel.Regione, Province.RegionCode, period, DimensionKey.Total, value,
                value is null ? FactFlag.SuppressedAtSource : flag), at);
    }
}
