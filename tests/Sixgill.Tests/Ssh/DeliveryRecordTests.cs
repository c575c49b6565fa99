using System.Diagnostics;
using System.Security.Cryptography;
using Sixgill.Ssh;

namespace Sixgill.Tests.Ssh;

/// <summary>
/// The node's record of what <c>--all</c> put there, with the real shell, stat, awk and sha256sum on
/// files in a temporary directory (the scripts are what runs on a node, without the SSH around them).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DeliveryRecordTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sixgill-record-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Record => Path.Combine(directory, "delivered.sha256");

    private string HashLog => Path.Combine(directory, "hashed");

    private DeliveredFile File(string name, string content)
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, content);
        return DeliveredFile.Of(path, path, (UnixFileMode)0b110_100_100);
    }

    /// <summary>Runs a script with a sha256sum that notes every file it hashes before hashing it.</summary>
    private (int ExitCode, string Output, string Error) Run(string script)
    {
        var bin = Path.Combine(directory, "bin");
        Directory.CreateDirectory(bin);
        var spy = Path.Combine(bin, "sha256sum");
        System.IO.File.WriteAllText(spy, $"#!/bin/sh\necho \"$@\" >> '{HashLog}'\nexec /usr/bin/sha256sum \"$@\"\n");
        System.IO.File.SetUnixFileMode(spy, (UnixFileMode)0b111_101_101);
        var start = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    private (IReadOnlyDictionary<string, string> Hashes, bool Unrecorded) Check(params DeliveredFile[] files)
    {
        var (exitCode, output, error) = Run(DeliveryRecord.Check(files.Select(f => f.RemotePath), Record));
        exitCode.ShouldBe(0, error);
        return DeliveryRecord.Read(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private string[] Hashed() => System.IO.File.Exists(HashLog) ? System.IO.File.ReadAllLines(HashLog) : [];

    [Fact]
    public void Without_a_record_every_file_there_is_hashed_and_a_missing_one_is_not_named()
    {
        var program = File("sixgill", "the program");
        var config = File("cluster.yaml", "the config");
        var absent = program with { RemotePath = Path.Combine(directory, "absent") };

        var there = Check(program, config, absent);

        there.Unrecorded.ShouldBeTrue();
        there.Hashes.ShouldBe(new Dictionary<string, string> { [program.RemotePath] = program.Sha256, [config.RemotePath] = config.Sha256 }, ignoreOrder: true);
        Hashed().Length.ShouldBe(2);
    }

    [Fact]
    public void A_recorded_file_whose_identity_is_unchanged_is_not_hashed_again()
    {
        var program = File("sixgill", "the program");
        var config = File("cluster.yaml", "the config");
        var written = Run(DeliveryRecord.Write([program, config], [program], Record));
        written.ExitCode.ShouldBe(0, written.Error);
        System.IO.File.Delete(HashLog); // the check of the file sent

        var there = Check(program, config);

        there.Unrecorded.ShouldBeFalse();
        there.Hashes.ShouldBe(new Dictionary<string, string> { [program.RemotePath] = program.Sha256, [config.RemotePath] = config.Sha256 }, ignoreOrder: true);
        Hashed().ShouldBeEmpty();
    }

    [Fact]
    public void A_file_changed_in_place_with_its_size_and_modification_time_kept_is_hashed_again()
    {
        var program = File("sixgill", "the program");
        Run(DeliveryRecord.Write([program], [], Record)).ExitCode.ShouldBe(0);
        var modified = System.IO.File.GetLastWriteTimeUtc(program.RemotePath);
        System.IO.File.WriteAllText(program.RemotePath, "THE PROGRAM");
        System.IO.File.SetLastWriteTimeUtc(program.RemotePath, modified);

        var there = Check(program);

        there.Unrecorded.ShouldBeTrue();
        there.Hashes[program.RemotePath].ShouldBe(Convert.ToHexStringLower(SHA256.HashData("THE PROGRAM"u8)));
        Hashed().ShouldBe([$"-- {program.RemotePath}"]);
    }

    [Fact]
    public void A_file_that_arrived_damaged_is_named_and_nothing_is_recorded()
    {
        var program = File("sixgill", "the program");
        System.IO.File.WriteAllText(program.RemotePath, "the progrXm");

        var written = Run(DeliveryRecord.Write([program], [program], Record));

        written.ExitCode.ShouldBe(4);
        written.Error.Trim().ShouldBe($"{program.RemotePath} arrived damaged: its SHA-256 there is not the one sent");
        System.IO.File.Exists(Record).ShouldBeFalse();
    }

    [Fact]
    public void A_place_with_white_space_is_refused_before_anything_is_sent()
    {
        var program = File("sixgill", "the program");

        Should.Throw<ArgumentException>(() => DeliveredFile.Of(program.LocalPath, "/var/lib/sixgill/bin/my program", program.Mode))
            .Message.ShouldContain("holds white space");
    }

    [Fact]
    public void A_place_with_a_quote_is_refused_before_anything_is_sent()
    {
        var program = File("sixgill", "the program");

        Should.Throw<ArgumentException>(() => DeliveredFile.Of(program.LocalPath, "/var/lib/sixgill/bin/it's", program.Mode))
            .Message.ShouldContain("holds white space or a quote");
    }
}
