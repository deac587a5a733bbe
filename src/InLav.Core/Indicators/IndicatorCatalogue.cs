using InLav.Core.Measures;
using InLav.Core.Query;

namespace InLav.Core.Indicators;

/// <summary>The indicators, checked against the measures: every term names a stored measure and known dimensions.</summary>
public sealed class IndicatorCatalogue
{
    public IndicatorCatalogue(IEnumerable<IndicatorDefinition> indicators, IReadOnlyList<MeasureDefinition> measures)
    {
        var list = indicators.ToList();
        var errors = Validate(list, measures).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException("The indicator catalogue is not valid:\n" + string.Join("\n", errors));
        }

        Indicators = [.. list.OrderBy(i => i.Code, StringComparer.Ordinal)];
    }

    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    public IndicatorDefinition Get(string code) => Indicators.FirstOrDefault(i => i.Code == code)
        ?? throw new QueryException("Unknown indicator", $"There is no indicator '{code}'.");

    private static IEnumerable<string> Validate(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<MeasureDefinition> measures)
    {
        foreach (var dup in indicators.GroupBy(i => i.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"{dup.Key}: two indicators have this code";
        }

        foreach (var i in indicators)
        {
            if (i.Code.Length == 0 || !i.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                yield return $"{i.Code}: the code must be lower-case letters, digits and '_'";
            }

            if (i.Numerator.Count == 0)
            {
                yield return $"{i.Code}: the numerator has no term";
            }

            if (i.Kind is not (IndicatorKind.Ratio or IndicatorKind.Complement or IndicatorKind.Sum))
            {
                yield return $"{i.Code}: unknown kind '{i.Kind}'";
            }
            else if ((i.Kind == IndicatorKind.Sum) != (i.Denominator.Count == 0))
            {
                yield return $"{i.Code}: a '{i.Kind}' indicator {(i.Kind == IndicatorKind.Sum ? "has no" : "needs a")} denominator";
            }

            foreach (var t in i.Terms)
            {
                if (measures.All(m => m.Id != t.Measure))
                {
                    yield return $"{i.Code}: unknown measure '{t.Measure}'";
                }

                foreach (var d in t.Filters.Keys.Where(d => !Dimension.IsKnown(d)))
                {
                    yield return $"{i.Code}: unknown dimension '{d}' in a filter of '{t.Measure}'";
                }

                if (t.Period is not (PeriodRule.Same or PeriodRule.Nearest))
                {
                    yield return $"{i.Code}: unknown period rule '{t.Period}'";
                }

                if (t.ScaleBy is { } s)
                {
                    var scaling = measures.FirstOrDefault(m => m.Id == s.Measure);
                    if (scaling is null)
                    {
                        yield return $"{i.Code}: unknown measure '{s.Measure}' in scaleBy of '{t.Measure}'";
                    }
                    else if (!scaling.Additive || measures.FirstOrDefault(m => m.Id == t.Measure) is { Additive: false })
                    {
                        yield return $"{i.Code}: scaleBy of '{t.Measure}' needs additive measures (counts summed over comuni): '{t.Measure}' and '{s.Measure}'";
                    }

                    foreach (var d in s.Filters.Keys.Where(d => !Dimension.IsKnown(d)))
                    {
                        yield return $"{i.Code}: unknown dimension '{d}' in scaleBy of '{t.Measure}'";
                    }

                    if (t.Period != PeriodRule.Nearest)
                    {
                        yield return $"{i.Code}: scaleBy of '{t.Measure}' needs the period rule 'nearest' (it carries a term of another period forward)";
                    }
                }
            }

            foreach (var d in i.Breakdowns.Where(d => !Dimension.IsKnown(d)))
            {
                yield return $"{i.Code}: unknown breakdown '{d}'";
            }

            if (i.Decimals is < 0 or > 6 || i.Scale <= 0 || i.MinCount < 0)
            {
                yield return $"{i.Code}: decimals 0..6, scale > 0 and minCount ≥ 0";
            }

            if (i.MinDenominator < 0 || i.MaxYearsApart < 0)
            {
                yield return $"{i.Code}: minDenominator ≥ 0 and maxYearsApart ≥ 0";
            }

            if (i.Nature is not (ValueNature.Count or ValueNature.Amount or ValueNature.Rate))
            {
                yield return $"{i.Code}: unknown nature '{i.Nature}' (count, amount or rate)";
            }
            else if (i.Comparable && ValueNature.IsExtensive(i.Nature))
            {
                yield return $"{i.Code}: a {i.Nature} cannot be comparable (ranks and z-scores across units of different size): compare a share or a per-capita value";
            }
            else if (i.Kind != IndicatorKind.Sum && ValueNature.IsExtensive(i.Nature))
            {
                yield return $"{i.Code}: a '{i.Kind}' indicator is a rate, not a {i.Nature}";
            }
        }
    }
}
