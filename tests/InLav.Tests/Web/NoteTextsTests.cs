using System.Globalization;
using System.Text.Json;
using InLav.Core;
using InLav.Web.Components.Shell;

namespace InLav.Tests.Web;

/// <summary>Notes of the core are said in the page's language through templates notes.{code}; their English text stays the API's.</summary>
public sealed class NoteTextsTests
{
    /// <summary>One note of every kind, made by its factory with sample arguments.</summary>
    public static readonly IReadOnlyList<Note> Samples =
    [
        Note.Synthetic(),
        Note.MeasureNoData(),
        Note.MeasurePeriodEmpty("residents", "2020-01-01"),
        Note.MeasureOtherLevel("bes_irregular_employment_share", "2021", "regione", "provincia"),
        Note.MeasureNotSummed("unemployment_rate", "provincia"),
        Note.MeasureNoCells("taxpayers", "2023", "sex=M", "sex T; age T; citizenship T"),
        Note.MeasureAgeNotTiled("residents", "2011-10-09", "Y16-64", "Y0-4, Y5-9"),
        Note.MeasureNoUnits("residents", "2011-10-09", "012001"),
        Note.CrosswalkUnsplit(new DateOnly(2018, 1, 1), ["012144 → 012009+012018+012095"]),
        Note.IndicatorProxy(),
        Note.TermNoData("cob_hirings", "2025-Q3"),
        Note.TermNoSource("residents", "age=Y15-64", "comune"),
        Note.IndicatorExcluded(12, "small-denominator, frontier"),
        Note.CorrelationProxy(),
        Note.CorrelationTooFew(),
        Note.RiskComposite(),
        Note.RiskNoPolarity("low_income_share"),
        Note.RiskSyntheticLeftOut(1501),
        Note.LevelConflict("012144", ["L1", "L2"], "L1"),
        Note.LevelUnknownRows(4),
        Note.LevelUnassigned([.. Enumerable.Range(1, 12).Select(i => "0130" + i.ToString("00", CultureInfo.InvariantCulture))]),
        Note.GeometryUnion("018193", "Cornale e Bastida", ["018052", "018053"], "2011"),
        Note.GeometryNoPolygon("098062", "Castelgerundo"),
        Note.GeometryUnmatched(["099999", "099998"]),
        Note.GeometryUnplaced("2023-06", ["012001"]),
        Note.GeometryFitted("018193", "Cornale e Bastida", "2011", 5, "2023-06", 0.0123),
        Note.GeometryUnitEmpty("D", "Distretto", 3),
        Note.GeometryUnitPartial("P", "Pianura", ["013001", "013002"]),
        Note.GeometryComuneMissing("013001", null),
        Note.GeometryUnassigned(2),
    ];

    private static readonly Texts Texts = new();

    [Fact]
    public void Every_note_code_has_a_sample_and_an_italian_and_an_english_template_and_no_template_is_left_without_a_code()
    {
        Assert.Equal(Note.Codes, Samples.Select(n => n.Code));
        Assert.Equal(Note.Codes.Count, Note.Codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Note.Codes, code =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Texts.Find(Texts.Italian, "notes." + code)), $"notes.{code} (it)");
            Assert.False(string.IsNullOrWhiteSpace(Texts.Find(Texts.English, "notes." + code)), $"notes.{code} (en)");
        });
        foreach (var lang in new[] { Texts.Italian, Texts.English })
        {
            var templates = Texts.Keys(lang).Where(k => k.StartsWith("notes.", StringComparison.Ordinal)).Select(k => k["notes.".Length..]);
            Assert.All(templates, code => Assert.Contains(code, Note.Codes));
        }
    }

    [Fact]
    public void The_english_template_filled_with_a_notes_arguments_is_the_notes_text_and_both_templates_use_every_argument()
    {
        foreach (var note in Samples)
        {
            var args = note.Args.Cast<object?>().ToArray();
            Assert.Equal(note.Text, string.Format(CultureInfo.GetCultureInfo("en-GB"), Texts.Find(Texts.English, "notes." + note.Code)!, args));
            foreach (var lang in new[] { Texts.Italian, Texts.English })
            {
                var template = Texts.Find(lang, "notes." + note.Code)!;
                Assert.All(Enumerable.Range(0, args.Length), i => Assert.Contains("{" + i.ToString(CultureInfo.InvariantCulture) + "}", template, StringComparison.Ordinal));
                Assert.DoesNotContain("{" + args.Length.ToString(CultureInfo.InvariantCulture) + "}", template, StringComparison.Ordinal);
            }

            Assert.NotEqual(note.Text, string.Format(CultureInfo.GetCultureInfo("it-IT"), Texts.Find(Texts.Italian, "notes." + note.Code)!, args));
        }
    }

    [Fact]
    public void A_note_is_written_in_json_as_its_english_text_and_reads_back_as_that_text()
    {
        var json = JsonSerializer.Serialize(new { notes = new[] { Note.Synthetic(), Note.TermNoData("cob_hirings", "2025-Q3") } });
        Assert.Equal("{\"notes\":[" + JsonSerializer.Serialize(InLav.Core.Note.SyntheticText) + ",\"cob_hirings has no data for 2025-Q3.\"]}", json);
        var read = JsonSerializer.Deserialize<Note>("\"cob_hirings has no data for 2025-Q3.\"")!;
        Assert.Equal("cob_hirings has no data for 2025-Q3.", read.ToString());
        Assert.Null(Texts.Find(Texts.Italian, "notes." + read.Code));
    }

    [Fact]
    public void Notes_are_equal_when_code_arguments_and_text_are()
    {
        Assert.Equal(Note.RiskNoPolarity("x"), Note.RiskNoPolarity("x"));
        Assert.NotEqual(Note.RiskNoPolarity("x"), Note.RiskNoPolarity("y"));
        Assert.Single(new[] { Note.Synthetic(), Note.Synthetic() }.Distinct());
    }
}
