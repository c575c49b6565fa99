using System.Collections.Immutable;
using System.Text;
using Sixgill.Config.Binding;
using Sixgill.Config.Rules;
using Sixgill.Host.Files;

namespace Sixgill.Config;

/// <summary>
/// The one way to get a <see cref="Cluster"/>: read the YAML with positions, bind each value, run every
/// rule, and hand back all diagnostics at once. Everything but <see cref="LoadFile"/> is pure.
/// </summary>
internal static class ConfigLoader
{
    public static LoadResult Load(string fileName, string text) => Evaluate(fileName, text).Result;

    /// <summary>The largest config file read (a cluster of thousands of nodes is far below it).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>
    /// Reads and loads <paramref name="path"/>. An unreadable file is SG000 (exit 2 like any config
    /// mistake): missing, not permitted, not a regular file (a directory, FIFO or device is named as
    /// such and never read), or larger than <see cref="MaxFileBytes"/>. A world-readable file that
    /// holds a real token gets SG095.
    /// </summary>
    public static LoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = BoundedFile.Read(path, MaxFileBytes);
        if (read.Bytes is not { } bytes)
        {
            var unreadable = new Diagnostic(DiagnosticCodes.FileUnreadable, Severity.Error, SourcePosition.Start,
                $"cannot read the config file {path}: {read.Problem}",
                read.Why switch
                {
                    UnreadFile.Missing => "give the cluster file with --config FILE; the default is config.yaml",
                    UnreadFile.Denied => "check its permissions (ls -l), or run as a user who may read it",
                    _ => "give a regular file of at most 1 MiB with --config FILE",
                });
            return new LoadResult(null, [unreadable], path);
        }

        string text;
        using (var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        var (result, token) = Evaluate(path, text);
        return token is { } secret && IsWorldReadable(path)
            ? result with { Diagnostics = Sorted(result.Diagnostics.Append(WorldReadable(path, secret))) }
            : result;
    }

    /// <summary>SG070 when <paramref name="host"/> is not a node of the cluster; null when it is.</summary>
    public static Diagnostic? CheckHost(Cluster cluster, string host)
    {
        if (cluster.FindNode(host) is not null)
        {
            return null;
        }

        var names = cluster.Nodes.Select(n => n.Name).ToList();
        var nearest = Suggestions.Nearest(host, names);
        return new Diagnostic(DiagnosticCodes.UnknownHost, Severity.Error, SourcePosition.None,
            $"host \"{host}\" is not a node of this cluster; its nodes are {string.Join(", ", names)}",
            nearest is null ? $"give one of the config's nodes: --host {string.Join(" | ", names)}" : $"did you mean --host {nearest}?");
    }

    /// <summary>The result, and the token as written when it is a real one (for the file-mode check).</summary>
    private static (LoadResult Result, Located<string>? Token) Evaluate(string fileName, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var document = ConfigReader.Read(fileName, text, diagnostics);
        if (diagnostics.Any(d => d.Code is DiagnosticCodes.YamlSyntax or DiagnosticCodes.NotAMapping))
        {
            // Nothing usable was read: reporting every key as missing would bury the one real mistake.
            return (new LoadResult(null, Sorted(diagnostics), fileName), null);
        }

        var draft = ClusterBinder.Bind(document, diagnostics);
        foreach (var rule in ClusterRules.All)
        {
            rule(draft, diagnostics);
        }

        var cluster = diagnostics.Any(d => d.IsError) ? null : ClusterAssembler.Assemble(draft);
        return (new LoadResult(cluster, Sorted(diagnostics), fileName) { Text = text }, RealToken(document));
    }

    private static Located<string>? RealToken(ConfigDocument document)
    {
        var written = document.Get("token") ?? document.Get("general.token");
        return written is null || written.Text.Length == 0 || written.Text == Cluster.PlaceholderToken
            ? null
            : new Located<string>(written.Text, written.Position, "token");
    }

    private static bool IsWorldReadable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.OtherRead) != 0;

    private static Diagnostic WorldReadable(string path, Located<string> token) =>
        new(DiagnosticCodes.ConfigReadable, Severity.Warning, token.Position,
            $"{path} holds the bootstrap token and every user on this machine can read it",
            $"chmod o-rwx {path}");

    // By position, then code; stable. One comparer for both keys: OrderBy(…).ThenBy(…) is a generic
    // virtual call, which a NativeAOT build resolves at run time (tens of page faults).
    private static ImmutableArray<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Order(DiagnosticOrder)];

    private static readonly Comparer<Diagnostic> DiagnosticOrder = Comparer<Diagnostic>.Create((a, b) =>
        a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Code, b.Code));
}
