using System.Runtime.InteropServices;

namespace Sixgill.Host.Interop;

/// <summary>
/// The three standard descriptors as the process got them. One that was closed (<c>&gt;&amp;-</c>) is
/// opened on <c>/dev/null</c> before anything else, so no file Sixgill opens later (the journal, a
/// config it edits) can take its number and receive the output meant for the terminal.
/// </summary>
/// <remarks>
/// The runtime may have taken a closed number before Main runs (CoreCLR's startup pipe does). A
/// descriptor inherited across exec never has FD_CLOEXEC (exec would have closed it), so one that
/// has it was opened in this process: the stream was closed, and the number is left to its owner.
/// </remarks>
internal static class StandardStreams
{
    /// <summary>Call first thing in Main. Returns which of stdout and stderr were closed.</summary>
    public static (bool OutputClosed, bool ErrorClosed) Guard()
    {
        var closed = new bool[3];
        var free = new bool[3];
        for (var fd = 0; fd < 3; fd++)
        {
            var flags = LibC.Fcntl(fd, LibC.GetDescriptorFlags);
            free[fd] = flags < 0 && Marshal.GetLastPInvokeError() == LibC.BadDescriptor;
            closed[fd] = free[fd] || (flags & LibC.CloseOnExecFlag) != 0;
        }

        // open(2) takes the lowest free number: filling in order puts /dev/null exactly on the free ones.
        for (var fd = 0; fd < 3; fd++)
        {
            if (free[fd])
            {
                _ = LibC.Open("/dev/null", LibC.ReadWrite, 0);
            }
        }

        return (closed[1], closed[2]);
    }
}
