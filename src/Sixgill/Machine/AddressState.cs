namespace Sixgill.Machine;

/// <summary>An address on a link with its duplicate address detection state.</summary>
internal sealed record AddressState(InterfaceAddress Address, bool Tentative, bool DadFailed);
