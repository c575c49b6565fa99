using System.Net;
using Sixgill.DnsProtocol;
using Sixgill.Machine;
using Sixgill.Tests.Verify;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The one fake DNS server of the unit tests: <see cref="Answer"/> says what it does with each
/// question (answer it, or how the network fails), <see cref="Asked"/> records every question.
/// By default it refuses everything; <see cref="Healthy"/> is the lab's DNS64 server and
/// <see cref="AnsweringWhile"/> a server that gives an empty reply only while a condition holds.
/// </summary>
internal sealed class FakeDns : IDnsTransport
{
    public Func<DnsResponse, IPEndPoint, byte[], DnsExchange> Answer { get; set; } = (_, _, query) => new DnsExchange(DnsWire.Reply(query, DnsResponseCode.Refused), DnsTransportError.None, null);

    public List<(IPEndPoint Server, string Name, DnsRecordType Type)> Asked { get; } = [];

    /// <summary>How many questions reached the server.</summary>
    public int Queries => Asked.Count;

    /// <summary>An answer that never comes: nothing listens on port 53.</summary>
    public static Func<DnsResponse, IPEndPoint, byte[], DnsExchange> Unreachable { get; } =
        (_, _, _) => DnsExchange.Failed(DnsTransportError.PortUnreachable, "port 53 unreachable: nothing listens there");

    public Task<DnsExchange> ExchangeAsync(IPEndPoint server, byte[] query, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Read the question back with the parser: a query is a message without answers.
        var question = DnsResponse.Parse(query);
        Asked.Add((server, question.QuestionName, question.QuestionType));
        return Task.FromResult(Answer(question, server, query));
    }

    /// <summary>A healthy DNS64 server: synthesizes 203.0.113.80 for the web name, answers version.bind.</summary>
    public static FakeDns Healthy(string synthesized = "fd00:10:64:ff9b::cb00:7150") => new()
    {
        Answer = (question, _, query) => new DnsExchange(question.QuestionType switch
        {
            DnsRecordType.Aaaa => DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Address(synthesized)),
            DnsRecordType.A => DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Address("203.0.113.80")),
            _ => DnsWire.Reply(query, DnsResponseCode.NoError, DnsWire.Txt("sixgill-dns64")),
        }, DnsTransportError.None, null),
    };

    /// <summary>A server that answers (an empty reply to the question) while <paramref name="answering"/> says so, and is unreachable otherwise.</summary>
    public static FakeDns AnsweringWhile(Func<IPEndPoint, bool> answering) => new()
    {
        Answer = (question, server, query) => answering(server)
            ? new DnsExchange(DnsWire.Reply(query, DnsResponseCode.NoError), DnsTransportError.None, null)
            : Unreachable(question, server, query),
    };
}
