using System.Security.Cryptography;
using System.Text.Json;

namespace Sixgill.Ssh;

/// <summary>One file this machine puts on every node: where it is here, where it goes there, its mode and SHA-256.</summary>
internal sealed record DeliveredFile(string LocalPath, string RemotePath, UnixFileMode Mode, string Sha256, long Length)
{
    public static DeliveredFile Of(string localPath, string remotePath, UnixFileMode mode)
    {
        ArgumentNullException.ThrowIfNull(remotePath);
        if (remotePath.Any(c => char.IsWhiteSpace(c) || c == '\''))
        {
            throw new ArgumentException($"'{remotePath}' holds white space or a quote: a delivered file's place there must not (the node's record is split on white space, and the check quotes it)", nameof(remotePath));
        }

        using var stream = File.OpenRead(localPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new DeliveredFile(localPath, remotePath, mode, hash, stream.Length);
    }

    public string Name => Path.GetFileName(RemotePath);
}

/// <summary>
/// What <c>--all</c> puts on each node before running there, at fixed places: the program under
/// <see cref="BinaryDirectory"/> and the cluster file at <see cref="Config"/> (0600: it may hold the
/// token). A NativeAOT build is one file; a framework-dependent build (a developer's or the tests')
/// is its apphost with the assemblies its deps.json names, run by the node's .NET runtime.
/// </summary>
internal sealed record Delivery(IReadOnlyList<DeliveredFile> Files)
{
    public const string BinaryDirectory = "/var/lib/sixgill/bin";

    public const string Binary = BinaryDirectory + "/sixgill";

    /// <summary>What was put there and checked: each file's SHA-256 and identity (<see cref="DeliveryRecord"/>).</summary>
    public const string Record = BinaryDirectory + "/delivered.sha256";

    public const string Config = "/etc/sixgill/cluster.yaml";

    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Readable = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Private = (UnixFileMode)0b110_000_000;

    /// <summary>The running program's files and the config at <paramref name="configPath"/>.</summary>
    public static Delivery Of(string programPath, string configPath)
    {
        var files = ProgramFiles(programPath).ToList();
        files.Add(DeliveredFile.Of(configPath, Config, Private));
        return new Delivery(files);
    }

    public DeliveredFile ConfigFile => Files.Single(f => f.RemotePath == Config);

    private static IEnumerable<DeliveredFile> ProgramFiles(string programPath)
    {
        var directory = Path.GetDirectoryName(programPath)!;
        var name = Path.GetFileName(programPath);
        var deps = Path.Combine(directory, name + ".deps.json");
        if (!File.Exists(Path.Combine(directory, name + ".dll")) || !File.Exists(deps))
        {
            yield return DeliveredFile.Of(programPath, Binary, Executable);
            yield break;
        }

        yield return DeliveredFile.Of(programPath, Binary, Executable);
        foreach (var file in new[] { name + ".dll", name + ".deps.json", name + ".runtimeconfig.json" }.Concat(Assemblies(deps, name)).Distinct())
        {
            var local = Path.Combine(directory, file);
            if (File.Exists(local))
            {
                yield return DeliveredFile.Of(local, $"{BinaryDirectory}/{file}", Readable);
            }
        }
    }

    /// <summary>The runtime assemblies of the app's libraries, as deps.json lists them (flat: they sit beside the app).</summary>
    private static IEnumerable<string> Assemblies(string depsPath, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(depsPath));
        if (!document.RootElement.TryGetProperty("targets", out var targets))
        {
            yield break;
        }

        foreach (var target in targets.EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime))
                {
                    continue;
                }

                foreach (var assembly in runtime.EnumerateObject())
                {
                    var file = Path.GetFileName(assembly.Name);
                    if (file != name + ".dll")
                    {
                        yield return file;
                    }
                }
            }
        }
    }
}
