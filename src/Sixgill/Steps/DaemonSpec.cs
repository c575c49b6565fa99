using System.Collections.Immutable;
using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>
/// A daemon of the gateway (named, TAYGA) as its steps need to know it: how to start it directly,
/// the config it runs (by path and content), the pid file it writes, how to check its config first
/// and how to tell it is ready.
/// </summary>
/// <param name="Program">Its name (<c>named</c>): looked up like every program, and the name its process carries.</param>
/// <param name="Arguments">Started directly: these arguments, after which the program forks and its parent exits.</param>
/// <param name="Config">Its config file, which is also in its argument vector: that is how its process is told from others of the same program.</param>
/// <param name="ConfigBody">The config as the plan renders it: while the file differs, the daemon runs an old one.</param>
/// <param name="PidFile">Written by the daemon itself, after it has read its config.</param>
/// <param name="ConfigCheck">Run before it starts (<c>named-checkconf FILE</c>); empty for none.</param>
/// <param name="AnswersDnsAt">Ready when a DNS query to this address gets a reply (the DNS64 server); null: ready once its pid file names it.</param>
internal sealed record DaemonSpec(
    string Program,
    ImmutableArray<string> Arguments,
    string Config,
    FileBody ConfigBody,
    string PidFile,
    ImmutableArray<string> ConfigCheck,
    Ip? AnswersDnsAt)
{
    /// <summary>How long the daemon gets to write its pid file and, for the DNS64 server, to answer (bounded).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public string Describe() => $"{Program} -c {Config}";
}
