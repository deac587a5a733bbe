using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Reading;

namespace InLav.Sources.Cob;

/// <summary>
/// One contract of the internal comune-level layout (one CSV row): workplace comune (ISTAT code, read from its Belfiore code),
/// ministry contract code, start and end (null = open-ended or still active), age at start, sex, citizenship, ATECO group.
/// </summary>
public sealed record CobContract(
    string Id,
    DateOnly Start,
    DateOnly? End,
    string Contract,
    string Comune,
    string Province,
    int Age,
    string Sex,
    string Citizenship,
    string? Country,
    string? Ateco)
{
    /// <summary>The open end of the warehouse ("fine" = 9999-12-31).</summary>
    public static readonly DateOnly OpenEnd = new(9999, 12, 31);

    /// <summary>The contract's events: a hiring on its start and, when it has ended, a termination on its end.</summary>
    public IEnumerable<CobEvent> Events()
    {
        yield return new CobEvent(CobEventType.Hiring, Start, Comune, Province, Contract, Start, End, Sex, Age, Citizenship, Country, Ateco);
        if (End is { } end)
        {
            yield return new CobEvent(CobEventType.Termination, end, Comune, Province, Contract, Start, End, Sex, Age, Citizenship, Country, Ateco);
        }
    }
}
