namespace Sixgill.Ssh;

/// <summary>Why a node could not be used; the node was not changed.</summary>
internal enum SshFailure
{
    /// <summary>The name does not resolve, nothing answers, or not within the connect timeout.</summary>
    Unreachable,

    /// <summary>Its host key is unknown, changed or revoked.</summary>
    HostKey,

    /// <summary>The user or key was refused, or the server has no key exchange method in common with this machine.</summary>
    Login,

    /// <summary>A non-root user without passwordless sudo.</summary>
    Sudo,

    /// <summary>Another OS or CPU architecture than this program's.</summary>
    Platform,

    /// <summary>The connection broke or a file could not be put there.</summary>
    Transfer,
}

/// <summary>A node that could not be reached or used, naming the node, the cause and the fix.</summary>
internal sealed class SshNodeException : Exception
{
    public SshNodeException(string node, SshFailure failure, string message, string? fix = null, Exception? inner = null)
        : base(message, inner)
    {
        Node = node;
        Failure = failure;
        Fix = fix;
    }

    public SshNodeException()
    {
        Node = "";
    }

    public SshNodeException(string message)
        : base(message)
    {
        Node = "";
    }

    public SshNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Node = "";
    }

    public string Node { get; }

    public SshFailure Failure { get; }

    public string? Fix { get; }
}
