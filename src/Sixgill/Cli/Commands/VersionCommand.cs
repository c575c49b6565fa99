using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Sixgill.Json;

namespace Sixgill.Cli.Commands;

/// <summary>What this binary is: version, commit, build date, OS and architecture.</summary>
internal sealed record VersionReport(string Version, string Commit, string BuildDate, string Os, string Arch, string Runtime)
{
    public void WriteText(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"sixgill {Version}");
        output.WriteLine($"commit   {Commit}");
        output.WriteLine($"built    {BuildDate}");
        output.WriteLine($"os/arch  {Os}/{Arch}");
        output.WriteLine($"runtime  {Runtime}");
    }
}

/// <summary><c>sixgill version</c> and <c>sixgill --version</c>: the same report, as text or (<c>-o json</c>) a document.</summary>
internal static class VersionCommand
{
    public static string Version => BuildInfo.Version;

    public static VersionReport Report { get; } = new(
        BuildInfo.Version,
        BuildInfo.Commit,
        BuildInfo.Date,
        OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            var other => other.ToString().ToLowerInvariant(),
        },
        $"{RuntimeInformation.FrameworkDescription}{(RuntimeFeature.IsDynamicCodeSupported ? "" : " NativeAOT")}");

    public static Command Create(GlobalOptions options)
    {
        var command = new Command("version", "print the version, commit, build date, OS and architecture");
        command.SetAction(result => Write(Invocation.From(result, options)));
        return command;
    }

    public static int Write(Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Json)
        {
            invocation.Out.Write(ReadableJson.Serialize(Report, VersionJsonContext.Default.VersionReport));
        }
        else
        {
            Report.WriteText(invocation.Out);
        }

        return ExitCodes.Done;
    }
}

/// <summary>Source-generated JSON (NativeAOT has no reflection serializer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VersionReport))]
internal sealed partial class VersionJsonContext : JsonSerializerContext;
