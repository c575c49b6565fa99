using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using Sixgill.Host.Interop;
using Sixgill.Machine;

namespace Sixgill.Host.Processes;

/// <summary>
/// Starts a program that outlives this process: in a session of its own (Ctrl-C in the terminal
/// does not reach it), stdin from <c>/dev/null</c>, stdout and stderr appended to a log file, no
/// signal blocked or ignored (.NET ignores SIGPIPE; a daemon must not inherit that). The caller
/// gets the pid and stops it by pid later, from any process (<see cref="ProcessTable.EndAsync"/>,
/// which also reaps it when the caller is its parent).
/// </summary>
internal static class DetachedProcess
{
    private const uint LogMode = 0x1a0; // 0640

    /// <summary>Starts <paramref name="command"/> (searched on PATH) and returns its pid at once.</summary>
    public static int Start(IReadOnlyList<string> command, string logFile)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(logFile);
        if (command.Count == 0 || string.IsNullOrEmpty(command[0]))
        {
            throw new ArgumentException("a command needs at least the program", nameof(command));
        }

        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").ToList();
        var native = new List<IntPtr>();
        var fileActions = Allocate(native);
        var attributes = Allocate(native);
        var signals = Allocate(native);
        try
        {
            var argv = Strings(command, native);
            var envp = Strings(environment, native);
            Check(LibC.FileActionsInit(fileActions), "posix_spawn_file_actions_init");
            Check(LibC.SpawnAttributesInit(attributes), "posix_spawnattr_init");
            try
            {
                Check(LibC.FileActionsAddOpen(fileActions, 0, "/dev/null", LibC.ReadOnly, 0), "addopen stdin");
                Check(LibC.FileActionsAddOpen(fileActions, 1, logFile, LibC.WriteOnly | LibC.Create | LibC.Append, LogMode), "addopen stdout");
                Check(LibC.FileActionsAddDup2(fileActions, 1, 2), "adddup2 stderr");
                Check(LibC.SignalSetEmpty(signals), "sigemptyset");
                Check(LibC.SpawnAttributesSetSignalMask(attributes, signals), "posix_spawnattr_setsigmask");
                Check(LibC.SignalSetAdd(signals, LibC.SignalPipe), "sigaddset");
                Check(LibC.SpawnAttributesSetSignalDefault(attributes, signals), "posix_spawnattr_setsigdefault");
                Check(LibC.SpawnAttributesSetFlags(attributes, LibC.SpawnSetSession | LibC.SpawnSetSignalMask | LibC.SpawnSetSignalDefault), "posix_spawnattr_setflags");

                var error = LibC.PosixSpawnp(out var pid, command[0], fileActions, attributes, argv, envp);
                if (error != 0)
                {
                    throw new ProgramNotFoundException(command[0], new IOException($"posix_spawnp: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})"));
                }

                return pid;
            }
            finally
            {
                _ = LibC.FileActionsDestroy(fileActions);
                _ = LibC.SpawnAttributesDestroy(attributes);
            }
        }
        finally
        {
            foreach (var pointer in native)
            {
                Marshal.FreeHGlobal(pointer);
            }
        }
    }

    private static IntPtr Allocate(List<IntPtr> native)
    {
        var pointer = Marshal.AllocHGlobal(LibC.OpaqueSize);
        native.Add(pointer);
        unsafe
        {
            new Span<byte>((void*)pointer, LibC.OpaqueSize).Clear();
        }

        return pointer;
    }

    /// <summary>A NULL-terminated <c>char*[]</c> of UTF-8 strings, freed with the rest.</summary>
    private static IntPtr Strings(IReadOnlyList<string> values, List<IntPtr> native)
    {
        var array = Marshal.AllocHGlobal(IntPtr.Size * (values.Count + 1));
        native.Add(array);
        for (var i = 0; i < values.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(values[i] + "\0");
            var text = Marshal.AllocHGlobal(bytes.Length);
            native.Add(text);
            Marshal.Copy(bytes, 0, text, bytes.Length);
            Marshal.WriteIntPtr(array, i * IntPtr.Size, text);
        }

        Marshal.WriteIntPtr(array, values.Count * IntPtr.Size, IntPtr.Zero);
        return array;
    }

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new IOException($"{call} failed (error {result})");
        }
    }
}
