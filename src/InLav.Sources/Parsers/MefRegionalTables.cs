namespace InLav.Sources.Parsers;

/// <summary>The layouts of the MEF regional IRPEF tables: the 34 classes of reddito complessivo and the items of each table.</summary>
public static class MefRegionalTables
{
    public const string ClassColumn = "Classi di reddito complessivo in euro";
    public const string TipoReddito = "tipo_reddito";
    public const string CalcoloIrpef = "calcolo_irpef";

    /// <summary>The classes as labelled by MEF, in file order, with the slug used in the measure ids (euro, "m" = minus).</summary>
    public static readonly IReadOnlyList<(string Label, string Slug)> Classes =
    [
        ("minore di -1.000", "lt_m1000"),
        ("da -1.000 a 0", "m1000_0"),
        ("zero", "zero"),
        ("da 0 a 1.000", "0_1000"),
        ("da 1.000 a 1.500", "1000_1500"),
        ("da 1.500 a 2.000", "1500_2000"),
        ("da 2.000 a 2.500", "2000_2500"),
        ("da 2.500 a 3.000", "2500_3000"),
        ("da 3.000 a 3.500", "3000_3500"),
        ("da 3.500 a 4.000", "3500_4000"),
        ("da 4.000 a 5.000", "4000_5000"),
        ("da 5.000 a 6.000", "5000_6000"),
        ("da 6.000 a 7.500", "6000_7500"),
        ("da 7.500 a 10.000", "7500_10000"),
        ("da 10.000 a 12.000", "10000_12000"),
        ("da 12.000 a 15.000", "12000_15000"),
        ("da 15.000 a 20.000", "15000_20000"),
        ("da 20.000 a 26.000", "20000_26000"),
        ("da 26.000 a 29.000", "26000_29000"),
        ("da 29.000 a 35.000", "29000_35000"),
        ("da 35.000 a 40.000", "35000_40000"),
        ("da 40.000 a 50.000", "40000_50000"),
        ("da 50.000 a 55.000", "50000_55000"),
        ("da 55.000 a 60.000", "55000_60000"),
        ("da 60.000 a 70.000", "60000_70000"),
        ("da 70.000 a 75.000", "70000_75000"),
        ("da 75.000 a 80.000", "75000_80000"),
        ("da 80.000 a 90.000", "80000_90000"),
        ("da 90.000 a 100.000", "90000_100000"),
        ("da 100.000 a 120.000", "100000_120000"),
        ("da 120.000 a 150.000", "120000_150000"),
        ("da 150.000 a 200.000", "150000_200000"),
        ("da 200.000 a 300.000", "200000_300000"),
        ("oltre 300.000", "gt300000"),
    ];

    /// <summary>Income types of REG_tipo_reddito (Frequenza/Ammontare pairs).</summary>
    private static readonly IReadOnlyList<(string Item, string Column)> TipoRedditoItems =
    [
        ("land_owner", "Reddito dominicale"),
        ("agricultural", "Reddito agrario"),
        ("breeding", "Reddito di allevamento e produzione di vegetali"),
        ("buildings", "Reddito da fabbricati"),
        ("employee", "Reddito da lavoro dipendente e assimilati"),
        ("pension", "Reddito da pensione"),
        ("other_employee_like", "Altri redditi assimilati al lavoro dipendente"),
        ("self_employed", "Reddito da lavoro autonomo"),
        ("self_employed_loss", "Perdita da lavoro autonomo"),
        ("other_self_employed_770", "Altri redditi da lavoro autonomo provvigioni e redditi diversi da Mod. 770"),
        ("entrepreneur_ordinary", "Reddito di spettanza dell'imprenditore in contabilita' ordinaria"),
        ("entrepreneur_simplified", "Reddito di spettanza dell'imprenditore in contabilita' semplificata"),
        ("participation", "Reddito da partecipazione"),
        ("participation_loss", "Perdita da partecipazione"),
        ("capital_gains", "Plusvalenze di natura finanziaria"),
        ("capital_income", "Reddito di capitale (sez. IA e IB)"),
        ("miscellaneous", "Redditi diversi"),
        ("other_self_employed_startup", "Altri redditi da lavoro autonomo e redditi da recupero start up"),
        ("separate_taxation_option", "Tassazione separata con opzione tassazione ordinaria"),
    ];

    /// <summary>IRPEF calculation items of REG_calcolo_irpef (Frequenza/Ammontare pairs).</summary>
    private static readonly IReadOnlyList<(string Item, string Column)> CalcoloIrpefItems =
    [
        ("total_income", "Reddito complessivo"),
        ("total_income_net_flat_rent", "Reddito complessivo al netto della cedolare secca"),
        ("main_home_deduction", "Deduzione per abitazione principale"),
        ("deductible_expenses", "Oneri deducibili"),
        ("taxable", "Reddito imponibile"),
        ("gross_tax", "Imposta lorda"),
        ("tax_deductions", "Detrazioni d'imposta"),
        ("net_tax", "Imposta netta"),
        ("credits_withholdings", "Crediti d'imposta e ritenute"),
        ("difference", "Differenza"),
        ("prior_excess", "Eccedenza d'imposta risultante dalla precedente dichiarazione"),
        ("advance_payments", "Acconti versati"),
        ("irpef_credit", "Irpef a credito"),
        ("irpef_debit", "Irpef a debito"),
    ];

    public static IReadOnlyList<(string Item, string Column)> Items(string table) => table switch
    {
        TipoReddito => TipoRedditoItems,
        CalcoloIrpef => CalcoloIrpefItems,
        _ => throw new ArgumentException($"Unknown MEF regional table '{table}' (expected {TipoReddito} or {CalcoloIrpef})."),
    };

    public static string? ClassSlug(string label) => Classes.FirstOrDefault(c => c.Label == label).Slug;
}
