using InLav.Web.Explorer;

namespace InLav.Tests.Web;

/// <summary>Series charts place periods on a true time axis: each period at its start, the periods between them a source lacks as gaps.</summary>
public sealed class TimeAxisTests
{
    private static long Ms(int year, int month = 1, int day = 1) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Issue7_tax_years_2018_2020_2021_leave_2019_as_a_gap_at_its_place_in_time()
    {
        var points = TimeAxis.Points(["2021", "2018", "2020"]);

        Assert.Equal(TimeAxis.Year, TimeAxis.Granularity(["2018", "2020", "2021"]));
        Assert.Equal(["2018", null, "2020", "2021"], points.Select(p => p.Period));
        Assert.Equal([Ms(2018), Ms(2019), Ms(2020), Ms(2021)], points.Select(p => p.Milliseconds));
    }

    [Fact]
    public void Quarters_and_months_get_a_gap_for_each_missing_step_and_consecutive_periods_none()
    {
        Assert.Equal(["2024-Q3", null, null, "2025-Q2"], TimeAxis.Points(["2024-Q3", "2025-Q2"]).Select(p => p.Period));
        Assert.Equal(Ms(2024, 10), TimeAxis.Points(["2024-Q3", "2025-Q2"])[1].Milliseconds);
        Assert.Equal(["2025-11", null, "2026-01"], TimeAxis.Points(["2025-11", "2026-01"]).Select(p => p.Period));
        Assert.Equal(["2019", "2020", "2021"], TimeAxis.Points(["2019", "2020", "2021"]).Select(p => p.Period));
    }

    [Fact]
    public void Dates_on_the_first_of_january_have_a_yearly_cadence_and_other_dates_no_inferred_gaps()
    {
        Assert.Equal(["2019-01-01", null, "2021-01-01"], TimeAxis.Points(["2019-01-01", "2021-01-01"]).Select(p => p.Period));
        Assert.Equal(["2011-10-09", "2019-01-01"], TimeAxis.Points(["2011-10-09", "2019-01-01"]).Select(p => p.Period));
        Assert.Equal(TimeAxis.Date, TimeAxis.Granularity(["2011-10-09", "2019-01-01"]));
    }
}
