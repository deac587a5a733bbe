using InLav.Core.Indicators;
using InLav.Sources.Catalogue;
using InLav.Web.Components.Pages.Profile;
using InLav.Web.Components.Shell;
using InLav.Application.Profiles;

namespace InLav.Tests.Web;

/// <summary>Issue 7, item 8: the one-line reading of the profile's undeclared-work card, written from the values, in Italian and English.</summary>
public sealed class SignalReadingTests
{
    private static readonly Texts Texts = new();

    private static SignalLine Gap(double? value, double? province, double? region, params string[] reliability) =>
        new("wp2_mef_istat_gap", "Divario", "Gap", false, "%", 1, "2021", value, 10, 1501, 3, 139, province, region, "2020", 0.4, ChangeKind.Points,
            reliability, [], false);

    [Fact]
    public void Issue7_a_comune_above_its_province_and_the_region_with_a_small_denominator_is_read_with_caution()
    {
        var line = Gap(30.2, 12.0, 10.5, ReliabilityFlag.SmallDenominator);
        Assert.Equal("Sopra il valore provinciale e regionale; denominatore piccolo: leggere con cautela.", SignalReading.Line(line, "comune", Texts, Texts.Italian));
        Assert.Equal("Above the provincial and regional values; small denominator: read with caution.", SignalReading.Line(line, "comune", Texts, Texts.English));
    }

    [Fact]
    public void Issue7_directions_that_differ_are_both_named_and_every_reliability_flag_is_listed()
    {
        var line = Gap(11.0, 12.0, 10.5, ReliabilityFlag.SmallDenominator, ReliabilityFlag.PeriodsApart, ReliabilityFlag.Frontier);
        Assert.Equal("Sotto il valore provinciale; sopra il valore regionale; denominatore piccolo, numeratore e denominatore di anni lontani, area di frontiera: leggere con cautela.",
            SignalReading.Line(line, "comune", Texts, Texts.Italian));
        Assert.Equal("Below the provincial value; above the regional value; small denominator, numerator and denominator years apart, frontier area: read with caution.",
            SignalReading.Line(line, "comune", Texts, Texts.English));
    }

    [Fact]
    public void Issue7_values_equal_once_rounded_to_the_indicators_decimals_read_as_equal_and_a_group_compares_with_the_region_only()
    {
        var line = Gap(10.54, null, 10.46);
        Assert.Equal("Pari al valore regionale.", SignalReading.Line(line, "ats", Texts, Texts.Italian));
        Assert.Equal("Equal to the regional value.", SignalReading.Line(line, "ats", Texts, Texts.English));
    }

    [Fact]
    public void Issue7_the_region_reads_its_trend_and_generated_inputs_and_estimates_are_said()
    {
        var line = Gap(8.0, null, 8.0) with { Change = -0.6, Synthetic = true, Flags = ["e"] };
        Assert.Equal("In calo dal 2020; valore stimato: leggere con cautela; contiene valori SINTETICI (generati), non osservati.",
            SignalReading.Line(line, "regione", Texts, Texts.Italian));
        Assert.Equal("Falling since 2020; estimated value: read with caution; contains SYNTHETIC (generated) values, not observations.",
            SignalReading.Line(line, "regione", Texts, Texts.English));
        Assert.Equal("The regional value, with no earlier period to compare with.",
            SignalReading.Line(Gap(8.0, null, 8.0) with { Change = null, PreviousPeriod = null }, "regione", Texts, Texts.English));
    }

    [Fact]
    public void Issue7_a_composite_reads_against_the_mean_of_the_level_and_says_when_a_unit_is_left_out()
    {
        var composite = new SignalLine("risk_undeclared_work", "Segnale", "Signal", true, "z", 2, "2021", 1.8, 12, 1480, null, null, null, null, null, null,
            ChangeKind.None, [ReliabilityFlag.SmallDenominator], [], false);
        Assert.Equal("Sopra la media delle unità del livello; nel 10% delle unità con il segnale più alto; denominatore piccolo: leggere con cautela.",
            SignalReading.Line(composite, "comune", Texts, Texts.Italian));
        Assert.Equal("Near the average of the units of the level.", SignalReading.Line(composite with { Value = -0.2, Reliability = [] }, "comune", Texts, Texts.English));
        Assert.Equal("Below the average of the units of the level.", SignalReading.Line(composite with { Value = -0.9, Reliability = [] }, "comune", Texts, Texts.English));
        Assert.Equal("Esclusa dal segnale: manca qualche componente.", SignalReading.Line(composite with { Value = null, Reliability = [] }, "comune", Texts, Texts.Italian));
        Assert.Equal("The signal compares the units of a level: it is not computed for a single unit.",
            SignalReading.Line(composite with { Value = null, TooFewUnits = true, Reliability = [] }, "regione", Texts, Texts.English));
    }

    [Fact]
    public void Issue7_a_percentage_changes_in_points_another_rate_in_its_unit_and_a_count_in_percent()
    {
        var catalogue = IndicatorFiles.Load(SourceCatalogue.Load().Measures);
        ChangeKind Of(string code) => UndeclaredWorkSignal.ChangeKindOf(catalogue.Indicators.Single(i => i.Code == code));
        Assert.Equal(ChangeKind.Points, Of("wp2_mef_istat_gap"));
        Assert.Equal(ChangeKind.Points, Of("low_income_share"));
        Assert.Equal(ChangeKind.Unit, Of("birth_rate"));
        Assert.Equal(ChangeKind.Unit, Of("mean_taxable_income"));
        Assert.Equal(ChangeKind.Percent, Of("population"));
    }
}
