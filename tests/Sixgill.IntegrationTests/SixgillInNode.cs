using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Runs the built <c>sixgill</c> inside a lab node, as a user would run it on that machine.
/// The node shares the machine's file system apart from its own /etc, /var/lib and /run, so the
/// apphost that the project reference copied next to these tests is reachable as it is.
/// </summary>
internal static class SixgillInNode
{
    /// <summary>The apphost beside this test assembly (copied there by the ProjectReference).</summary>
    public static string Executable
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "sixgill");
            return File.Exists(path) ? path : throw new FileNotFoundException($"the sixgill apphost is not at {path}; build the solution first", path);
        }
    }

    public static Task<ProcessResult> RunAsync(LabNode node, params string[] arguments) =>
        RunAsync(node, arguments, standardInput: null);

    /// <summary>Runs <c>sixgill arguments…</c> in the node; a non-zero exit is returned, not thrown.</summary>
    public static Task<ProcessResult> RunAsync(LabNode node, IReadOnlyList<string> arguments, string? standardInput, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var request = new ProcessRequest([Executable, .. arguments])
        {
            StandardInput = standardInput,
            Timeout = timeout ?? ProcessRequest.DefaultTimeout,
        };
        return node.RunAsync(request, TestContext.Current.CancellationToken);
    }
}
