using System.Runtime.Versioning;
using System.Text;
using Sixgill.Host.Files;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Tests.Host;

[SupportedOSPlatform("linux")]
public sealed class LinuxFilesTests : IDisposable
{
    private static readonly UnixFileMode Mode640 = (UnixFileMode)Convert.ToInt32("640", 8);
    private static readonly UnixFileMode Mode600 = (UnixFileMode)Convert.ToInt32("600", 8);
    private static readonly UnixFileMode Mode644 = (UnixFileMode)Convert.ToInt32("644", 8);
    private static readonly UnixFileMode Mode750 = (UnixFileMode)Convert.ToInt32("750", 8);
    private static readonly UnixFileMode Mode700 = (UnixFileMode)Convert.ToInt32("700", 8);

    private readonly TempDirectory directory = new("sixgill-files-");
    private readonly LinuxFiles files = new();

    [Fact]
    public void Write_replaces_the_content_and_keeps_the_mode()
    {
        var path = Given("hosts", "old\n", Mode640);

        files.Write(path, "new\n"u8);

        File.ReadAllText(path).ShouldBe("new\n");
        File.GetUnixFileMode(path).ShouldBe(Mode640);
    }

    [Fact]
    public void Write_gives_a_new_file_0644_or_exactly_the_mode_asked_whatever_the_umask()
    {
        var plain = Path.Combine(directory, "plain");
        var secret = Path.Combine(directory, "secret");

        files.Write(plain, "a"u8);
        files.Write(secret, "b"u8, Mode600);

        File.GetUnixFileMode(plain).ShouldBe(Mode644);
        File.GetUnixFileMode(secret).ShouldBe(Mode600);
    }

    [Fact]
    public void Write_with_a_mode_changes_the_mode_of_an_existing_file()
    {
        var path = Given("kubeadm.yaml", "old\n", Mode644);

        files.Write(path, "token\n"u8, Mode600);

        File.GetUnixFileMode(path).ShouldBe(Mode600);
    }

    [Fact]
    public void Write_keeps_the_owner_of_the_file_it_replaces()
    {
        Guard.Require(Environment.IsPrivilegedProcess, "changing a file's owner", "root");
        var path = Given("owned", "old\n", Mode644);
        Run("chown", "65534:65534", path);

        files.Write(path, "new\n"u8);

        files.Stat(path)!.Uid.ShouldBe(65534u);
        files.Stat(path)!.Gid.ShouldBe(65534u);
    }

    [Fact]
    public void Write_through_a_symlink_changes_the_target_and_never_replaces_the_link()
    {
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        var target = Given("run/resolv.conf", "nameserver 203.0.113.53\n", Mode640);
        var link = Path.Combine(directory, "resolv.conf");
        File.CreateSymbolicLink(link, "run/resolv.conf");

        files.Write(link, "nameserver fd00:10::100\n"u8);

        new FileInfo(link).LinkTarget.ShouldBe("run/resolv.conf");
        File.ReadAllText(target).ShouldBe("nameserver fd00:10::100\n");
        File.GetUnixFileMode(target).ShouldBe(Mode640);
        Directory.GetFiles(Path.Combine(directory, "run")).ShouldBe([target]);
    }

    [Fact]
    public void Write_follows_a_chain_of_symlinks_to_the_end()
    {
        var target = Given("real", "old\n", Mode644);
        File.CreateSymbolicLink(Path.Combine(directory, "middle"), target);
        var link = Path.Combine(directory, "first");
        File.CreateSymbolicLink(link, "middle");

        files.Write(link, "new\n"u8);

        File.ReadAllText(target).ShouldBe("new\n");
        new FileInfo(Path.Combine(directory, "middle")).LinkTarget.ShouldBe(target);
        files.Stat(link)!.ShouldBe(new FileFacts(link, target, true, Mode644, files.Stat(target)!.Uid, files.Stat(target)!.Gid, files.Stat(target)!.Modified));
    }

    [Fact]
    public void Write_through_a_dangling_symlink_creates_its_target()
    {
        var link = Path.Combine(directory, "link");
        File.CreateSymbolicLink(link, "missing");
        files.Stat(link).ShouldBeNull();

        files.Write(link, "x"u8);

        File.ReadAllText(Path.Combine(directory, "missing")).ShouldBe("x");
        new FileInfo(link).LinkTarget.ShouldBe("missing");
    }

    [Fact]
    public void Write_leaves_no_temporary_file_behind()
    {
        var path = Given("hosts", "old\n", Mode644);

        files.Write(path, Encoding.ASCII.GetBytes(new string('x', 100_000)));

        Directory.GetFileSystemEntries(directory).ShouldBe([path]);
    }

    [Fact]
    public void Read_and_Stat_of_a_missing_file_are_null_and_Delete_says_it_was_not_there()
    {
        var path = Path.Combine(directory, "nothing");

        files.Read(path).ShouldBeNull();
        files.Stat(path).ShouldBeNull();
        files.Delete(path).ShouldBeFalse();
    }

    [Fact]
    public void Read_is_null_under_a_missing_directory_or_a_file_but_a_directory_is_still_refused()
    {
        var file = Given("plain", "x", Mode644);

        files.Read(Path.Combine(directory, "no-such-dir", "file")).ShouldBeNull();
        files.Read(Path.Combine(file, "below-a-file")).ShouldBeNull();
        files.Read(file).ShouldBe("x"u8.ToArray());
        Should.Throw<UnauthorizedAccessException>(() => files.Read(directory.Path));
    }

    [Fact]
    public void Delete_of_a_symlink_deletes_its_target_and_leaves_the_link()
    {
        var target = Given("target", "x", Mode644);
        var link = Path.Combine(directory, "link");
        File.CreateSymbolicLink(link, target);

        files.Delete(link).ShouldBeTrue();

        File.Exists(target).ShouldBeFalse();
        new FileInfo(link).LinkTarget.ShouldBe(target);
    }

    [Fact]
    public void CreateDirectory_uses_exactly_the_mode_and_DeleteDirectoryIfEmpty_keeps_a_full_one()
    {
        var made = Path.Combine(directory, "backups");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

        files.CreateDirectory(made, mode);
        File.GetUnixFileMode(made).ShouldBe(mode);
        Given("backups/x", "x", Mode600);

        files.DeleteDirectoryIfEmpty(made).ShouldBeFalse();
        File.Delete(Path.Combine(made, "x"));
        files.DeleteDirectoryIfEmpty(made).ShouldBeTrue();
        Directory.Exists(made).ShouldBeFalse();
    }

    [Fact]
    public void A_daemon_directory_goes_with_its_files_and_a_planted_symlink_never_reaches_its_target()
    {
        var target = Given("precious", "keep me\n", Mode644);
        var daemon = Path.Combine(directory, "dns64");
        Directory.CreateDirectory(daemon);
        File.WriteAllText(Path.Combine(daemon, "session.key"), "k");
        File.CreateSymbolicLink(Path.Combine(daemon, "named.pid"), target);
        Directory.CreateSymbolicLink(Path.Combine(daemon, "link-to-dir"), directory);

        files.DeleteDirectoryWithFiles(daemon).ShouldBeTrue();

        Directory.Exists(daemon).ShouldBeFalse();
        File.ReadAllText(target).ShouldBe("keep me\n");
        files.DeleteDirectoryWithFiles(daemon).ShouldBeFalse();
    }

    [Fact]
    public void A_directory_holding_a_subdirectory_is_not_deleted_at_all()
    {
        var daemon = Path.Combine(directory, "nat64");
        Directory.CreateDirectory(Path.Combine(daemon, "sub"));
        File.WriteAllText(Path.Combine(daemon, "dynamic.map"), "x");

        files.DeleteDirectoryWithFiles(daemon).ShouldBeFalse();

        File.Exists(Path.Combine(daemon, "dynamic.map")).ShouldBeTrue();
    }

    [Fact]
    public void Owner_and_mode_of_a_directory_are_set_and_read_back_with_its_mtime()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var path = Path.Combine(directory, "owned");
        files.CreateDirectory(path, Mode750);
        var me = files.Stat(path)!;

        files.SetOwner(path, me.Uid, me.Gid); // as any user: giving a file to oneself is allowed
        files.SetMode(path, Mode700);

        files.Stat(path)!.Mode.ShouldBe(Mode700);
        files.Stat(Given("new", "x", Mode644))!.Modified.ShouldBeGreaterThan(before);
    }

    public void Dispose() => directory.Dispose();

    private string Given(string name, string content, UnixFileMode mode)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    private static void Run(string program, params string[] arguments) =>
        new ProcessRunner().RunAsync(new ProcessRequest([program, .. arguments])).GetAwaiter().GetResult().EnsureSuccess();
}
