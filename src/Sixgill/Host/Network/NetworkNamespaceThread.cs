using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Sixgill.Host.Interop;

namespace Sixgill.Host.Network;

/// <summary>
/// Work done inside a network namespace named by a file (<c>/run/netns/NAME</c>) from a thread of
/// its own: the thread enters the namespace (setns of a network namespace is allowed in a
/// multi-threaded process, and moves only that thread), checks it is there and not in the process's
/// own namespace, does the work, and goes back. A netlink socket opened there stays in that
/// namespace whichever thread uses it; a <c>/proc/sys/net</c> file written there is that namespace's.
/// </summary>
internal static class NetworkNamespaceThread
{
    private const string ThreadNamespace = "/proc/thread-self/ns/net";
    private const string ProcessNamespace = "/proc/self/ns/net";

    /// <summary>Runs <paramref name="work"/> inside the namespace <paramref name="path"/> names.</summary>
    public static T Run<T>(string path, Func<T> work) => OnThread(() =>
    {
        var target = LibC.Open(path, LibC.ReadOnly | LibC.CloseOnExec, 0);
        if (target < 0)
        {
            throw LibC.Error("open", path);
        }

        try
        {
            return Inside(path, () => LibC.Setns(target, LibC.NewNetworkNamespace) == 0 ? 0 : throw LibC.Error("setns", path), work);
        }
        finally
        {
            _ = LibC.Close(target);
        }
    });

    /// <summary>
    /// Makes a new network namespace pinned to <paramref name="path"/>, a file in <paramref name="directory"/>
    /// that must not exist (as <c>ip netns add</c>: the directory a shared mount, so the file's mount
    /// reaches every mount namespace that follows it), and runs <paramref name="work"/> inside it.
    /// If the namespace cannot be pinned, the file is removed again.
    /// </summary>
    public static T Create<T>(string directory, string path, Func<T> work)
    {
        Directory.CreateDirectory(directory);
        ShareDirectory(directory);
        var file = LibC.Open(path, LibC.ReadOnly | LibC.Create | LibC.Exclusive | LibC.CloseOnExec, 0);
        if (file < 0)
        {
            throw LibC.Error("create", path);
        }

        _ = LibC.Close(file);
        var pinned = false;
        try
        {
            return OnThread(() => Inside(path, () =>
            {
                if (LibC.Unshare(LibC.NewNetworkNamespace) != 0)
                {
                    throw LibC.Error("unshare", "a new network namespace");
                }

                if (LibC.Mount(ThreadNamespace, path, "none", LibC.MountBind, 0) != 0)
                {
                    throw LibC.Error("bind the new network namespace on", path);
                }

                pinned = true;
                return 0;
            }, work));
        }
        catch when (!pinned)
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The inode of the network namespace the calling thread is in.</summary>
    public static ulong CurrentInode() => Inode(ThreadNamespace);

    /// <summary>
    /// Enters (<paramref name="enter"/>), then checks the thread is in the namespace <paramref name="path"/>
    /// names and not in the process's own, runs <paramref name="work"/>, and returns to where it was.
    /// </summary>
    private static T Inside<T>(string path, Func<int> enter, Func<T> work)
    {
        var home = LibC.Open(ThreadNamespace, LibC.ReadOnly | LibC.CloseOnExec, 0);
        if (home < 0)
        {
            throw LibC.Error("open", ThreadNamespace);
        }

        try
        {
            _ = enter();
            try
            {
                var here = Inode(ThreadNamespace);
                if (here != Inode(path) || here == Inode(ProcessNamespace))
                {
                    throw new InvalidOperationException($"a thread meant to be in the network namespace {path} is not (or is in the process's own): nothing was changed");
                }

                return work();
            }
            finally
            {
                // Back home, so the thread is as it was; a failure here is fatal.
                if (LibC.Setns(home, LibC.NewNetworkNamespace) != 0)
                {
                    Environment.FailFast($"cannot return a thread to its network namespace after working in {path}");
                }
            }
        }
        finally
        {
            _ = LibC.Close(home);
        }
    }

    // Whatever the work throws is thrown again on the caller's thread, with its own stack: an
    // exception left on this thread would end the process.
    private static T OnThread<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>What <c>ip netns add</c> does to its directory: a shared mount (bound on itself first if it is not a mount).</summary>
    private static void ShareDirectory(string directory)
    {
        var bound = false;
        while (LibC.Mount("", directory, "none", LibC.MountShared | LibC.MountRecursive, 0) != 0)
        {
            if (Marshal.GetLastPInvokeError() != LibC.InvalidArgument || bound)
            {
                throw LibC.Error("make a shared mount of", directory);
            }

            if (LibC.Mount(directory, directory, "none", LibC.MountBind | LibC.MountRecursive, 0) != 0)
            {
                throw LibC.Error("bind on itself", directory);
            }

            bound = true;
        }
    }

    private static ulong Inode(string path) =>
        LibC.Statx(LibC.CurrentDirectory, path, 0, LibC.BasicStats, out var facts) == 0 ? facts.Inode : throw LibC.Error("statx", path);
}
