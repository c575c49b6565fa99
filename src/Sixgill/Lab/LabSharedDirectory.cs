using System.Text;
using Sixgill.Host.Files;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// The directory a lab shares with its nodes (<see cref="LabNames.SharedDirectory"/>, under /tmp,
/// which every node sees) and the config copy in it that <c>sixgill</c> reads inside the nodes.
/// Root's own, mode 0700: /tmp is everyone's, so a directory of that name that someone else made
/// (or a symlink planted there) is refused rather than written into. The sweep removes it.
/// </summary>
internal static class LabSharedDirectory
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode ConfigMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteConfig(LabNames names, string configText)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the lab runs on Linux only");
        }

        var files = new LinuxFiles();
        var directory = names.SharedDirectory;
        if (files.Stat(directory) is { } existing && (existing.IsSymlink || existing.Uid != 0))
        {
            throw new PreconditionFailedException(
                $"{directory} exists but is not the lab's (a symlink, or owned by uid {existing.Uid}); remove it, then run again");
        }

        files.CreateDirectory(directory, DirectoryMode);
        files.Write(names.NodeConfig, Encoding.UTF8.GetBytes(configText), ConfigMode);
    }
}
