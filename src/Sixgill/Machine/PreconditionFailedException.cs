namespace Sixgill.Machine;

/// <summary>
/// Something the node must have before Sixgill changes anything is missing: the interface, a
/// sysctl, a program, the lock. The CLI turns it into exit code 3; nothing has been changed.
/// </summary>
internal class PreconditionFailedException : Exception
{
    public PreconditionFailedException(string message)
        : base(message)
    {
    }

    public PreconditionFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
