using System.Runtime.Versioning;
using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

/// <summary>The one part of loading that touches the file system. Unix file modes: Linux only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ConfigFileTests : IDisposable
{
    private readonly TempDirectory directory = new("sixgill-config-");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Missing_file_is_a_config_error_naming_the_path_and_the_option()
    {
        var path = Path.Combine(directory.Path, "nope.yaml");

        var result = ConfigLoader.LoadFile(path);

        var error = result.ShouldFailOnlyWith(FileUnreadable, new SourcePosition(1, 1));
        error.Message.ShouldBe($"cannot read the config file {path}: no such file");
        error.Hint!.ShouldContain("--config");
        result.FileName.ShouldBe(path);
    }

    [Fact]
    public void A_directory_is_not_a_readable_config_file() =>
        ConfigLoader.LoadFile(directory.Path).ShouldFailOnlyWith(FileUnreadable, new SourcePosition(1, 1));

    [Fact]
    public void World_readable_file_with_a_real_token_is_warned_at_the_token()
    {
        var path = Write(TestConfig.Ipv6, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = ConfigLoader.LoadFile(path);

        result.ShouldPassWith(ConfigReadable);
        result.Diagnostics[0].Position.ShouldBe(new SourcePosition(4, 10));
        result.Diagnostics[0].Hint.ShouldBe($"chmod o-rwx {path}");
        result.Lines.ShouldAllBe(line => !line.Contains("0123456789abcdef", StringComparison.Ordinal));
    }

    [Fact]
    public void File_readable_by_its_owner_only_is_not_warned()
    {
        var path = Write(TestConfig.Ipv6, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        ConfigLoader.LoadFile(path).ShouldPass();
    }

    [Fact]
    public void World_readable_file_with_only_the_placeholder_token_is_not_warned_for_it()
    {
        var path = Write(TestConfig.Example("orca.yaml"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        ConfigLoader.LoadFile(path).ShouldPassWith(PlaceholderToken);
    }

    private string Write(TestConfig config, UnixFileMode mode)
    {
        var path = Path.Combine(directory.Path, "config.yaml");
        File.WriteAllText(path, config.Text);
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
