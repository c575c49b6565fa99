using Sixgill.Docker;
using Sixgill.Machine;

namespace Sixgill.Steps;

/// <summary>What a probe found, compared with what the step wants.</summary>
internal enum ProbeState
{
    /// <summary>Not there at all: the step will add it (<c>+</c>).</summary>
    Absent,

    /// <summary>Already so: the step will not run, and will never be undone (<c>=</c>).</summary>
    Present,

    /// <summary>There, but not as wanted: the step will change it (<c>~</c>).</summary>
    Different,

    /// <summary>Could not be read (plan as a user without the rights, say) (<c>?</c>).</summary>
    Unknown,
}

/// <summary>A probe's answer, with a detail for people (<c>now 0</c>, <c>link is down</c>).</summary>
internal sealed record ProbeResult(ProbeState State, string? Detail = null)
{
    public static ProbeResult Present { get; } = new(ProbeState.Present);

    public bool NeedsChange => State is ProbeState.Absent or ProbeState.Different;

    public static ProbeResult Absent(string? detail = null) => new(ProbeState.Absent, detail);

    public static ProbeResult Different(string detail) => new(ProbeState.Different, detail);

    /// <summary>
    /// A docker object's drift as a probe: create, keep or replace it; one Sixgill does not own
    /// stops the run before anything changed.
    /// </summary>
    public static ProbeResult OfDrift(DriftVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Action switch
        {
            DriftAction.Create => Absent(),
            DriftAction.Keep => Present,
            DriftAction.Replace => Different(string.Join("; ", verdict.Reasons)),
            _ => throw new PreconditionFailedException($"{string.Join("; ", verdict.Reasons)}: remove or rename it, or use general.runtime: native; nothing was changed"),
        };
    }
}
