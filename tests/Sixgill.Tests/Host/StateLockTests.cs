using System.Diagnostics;
using Sixgill.Host.Files;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Tests.Host;

public sealed class StateLockTests : IDisposable
{
    private readonly TempDirectory directory = new("sixgill-lock-");

    private string LockPath => Path.Combine(directory, "state", "lock");

    [Fact]
    public void The_holder_writes_its_pid_and_clears_it_on_release()
    {
        var held = new StateLock(LockPath).Acquire();
        ReadLockFile().ShouldBe($"{Environment.ProcessId}\n");

        held.Dispose();

        ReadLockFile().ShouldBeEmpty();
    }

    [Fact]
    public void A_second_acquire_fails_naming_the_holder_until_it_releases()
    {
        using (new StateLock(LockPath).Acquire())
        {
            var error = Should.Throw<LockHeldException>(() => new StateLock(LockPath).Acquire());
            error.HolderPid.ShouldBe(Environment.ProcessId);
            error.Message.ShouldContain($"pid {Environment.ProcessId}");
        }

        using var again = new StateLock(LockPath).Acquire();
    }

    [Fact]
    public void A_lock_held_by_another_process_is_refused_and_freed_when_that_process_is_killed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        // The shell takes the lock with flock(1) on its own descriptor, writes its pid through it and
        // becomes sleep (same pid, same descriptor): a holder that is not Sixgill at all.
        using var holder = Process.Start(new ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", "exec 9<>\"$1\"; flock -x 9; echo $$ >&9; exec sleep 60", "sh", LockPath },
        })!;
        try
        {
            Wait.Until(() => File.Exists(LockPath) && ReadLockFile().Trim() == holder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "the holder to take the lock");

            Should.Throw<LockHeldException>(() => new StateLock(LockPath).Acquire()).HolderPid.ShouldBe(holder.Id);

            holder.Kill(); // SIGKILL: no chance to clean up, the kernel drops the lock
            holder.WaitForExit();
            using var mine = new StateLock(LockPath).Acquire();
            ReadLockFile().ShouldBe($"{Environment.ProcessId}\n");
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill();
                holder.WaitForExit();
            }
        }
    }

    public void Dispose() => directory.Dispose();

    // Not File.ReadAllText: .NET takes a shared flock on every file it opens, which a held lock refuses.
    private string ReadLockFile() => new ProcessRunner().RunAsync(new ProcessRequest(["cat", LockPath])).GetAwaiter().GetResult().EnsureSuccess().StandardOutput;

}
