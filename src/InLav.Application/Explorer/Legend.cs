namespace InLav.Application.Explorer;

/// <summary>One class of a map legend: values in (previous max, Max], the first class [Min, Max]; its colour and how many units fall in it.</summary>
public sealed record LegendClass(double Min, double Max, string Colour, int Count);

/// <summary>
/// Map legend classes (quantiles, equal intervals, natural breaks by Fisher–Jenks) and colour-blind-safe sequential palettes
/// (ColorBrewer) that honour the indicator's polarity: higher is worse → dark is high; higher is better → dark is low;
/// no polarity → a neutral blue. The class breaks are the only thing computed here; the values come from the indicator service.
/// </summary>
public static class Legend
{
    /// <summary>ColorBrewer OrRd, 5 classes, light to dark.</summary>
    public static readonly IReadOnlyList<string> Warm = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];

    /// <summary>ColorBrewer Blues, 5 classes, light to dark.</summary>
    public static readonly IReadOnlyList<string> Neutral = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

    /// <summary>Units without a value (suppressed, missing, not computable).</summary>
    public const string NoData = "#9e9e9e";

    public const int DefaultClasses = 5;

    /// <summary>The classes of the values by a method ("quantile", "equal", "jenks"), coloured for the polarity.</summary>
    public static IReadOnlyList<LegendClass> Classes(IReadOnlyCollection<double> values, string method, bool? higherIsWorse, int classes = DefaultClasses)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        var uppers = method switch
        {
            "equal" => EqualIntervals(sorted, classes),
            "jenks" => NaturalBreaks(sorted, classes),
            _ => Quantiles(sorted, classes),
        };
        uppers = [.. uppers.Where(u => u < sorted[^1]).Distinct().Order(), sorted[^1]];

        var palette = Colours(higherIsWorse, uppers.Count);
        var result = new List<LegendClass>(uppers.Count);
        var lower = sorted[0];
        for (var i = 0; i < uppers.Count; i++)
        {
            var low = lower;
            var high = uppers[i];
            var count = sorted.Count(v => (i == 0 ? v >= low : v > low) && v <= high);
            result.Add(new LegendClass(low, high, palette[i], count));
            lower = high;
        }

        return result;
    }

    /// <summary>The colours of n classes from low to high values: dark means worse when the indicator has a polarity.</summary>
    public static IReadOnlyList<string> Colours(bool? higherIsWorse, int n)
    {
        var basis = higherIsWorse is null ? Neutral : Warm;
        var picked = Enumerable.Range(0, n).Select(i => basis[n == 1 ? basis.Count - 1 : (int)Math.Round(i * (basis.Count - 1) / (double)(n - 1))]).ToList();
        if (higherIsWorse == false)
        {
            picked.Reverse();
        }

        return picked;
    }

    private static List<double> Quantiles(double[] sorted, int k) =>
        [.. Enumerable.Range(1, k - 1).Select(i => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(i * sorted.Length / (double)k) - 1)])];

    private static List<double> EqualIntervals(double[] sorted, int k)
    {
        var (min, max) = (sorted[0], sorted[^1]);
        return [.. Enumerable.Range(1, k - 1).Select(i => min + (i * (max - min) / k))];
    }

    /// <summary>Fisher–Jenks natural breaks (optimal partition minimising the within-class sum of squares).</summary>
    private static List<double> NaturalBreaks(double[] sorted, int k)
    {
        var n = sorted.Length;
        k = Math.Min(k, n);
        if (k <= 1)
        {
            return [];
        }

        var lowerClassLimits = new int[n + 1, k + 1];
        var variance = new double[n + 1, k + 1];
        for (var j = 1; j <= k; j++)
        {
            lowerClassLimits[1, j] = 1;
            for (var i = 2; i <= n; i++)
            {
                variance[i, j] = double.PositiveInfinity;
            }
        }

        for (var l = 2; l <= n; l++)
        {
            double sum = 0, sumSquares = 0, w = 0, v = 0;
            for (var m = 1; m <= l; m++)
            {
                var lower = l - m + 1;
                var value = sorted[lower - 1];
                w++;
                sum += value;
                sumSquares += value * value;
                v = sumSquares - (sum * sum / w);
                if (lower > 1)
                {
                    for (var j = 2; j <= k; j++)
                    {
                        if (variance[l, j] >= v + variance[lower - 1, j - 1])
                        {
                            lowerClassLimits[l, j] = lower;
                            variance[l, j] = v + variance[lower - 1, j - 1];
                        }
                    }
                }
            }

            lowerClassLimits[l, 1] = 1;
            variance[l, 1] = v;
        }

        var breaks = new List<double>();
        var count = n;
        for (var j = k; j >= 2; j--)
        {
            var id = lowerClassLimits[count, j] - 2;
            breaks.Add(sorted[Math.Max(0, id)]);
            count = lowerClassLimits[count, j] - 1;
        }

        breaks.Reverse();
        return breaks;
    }
}
