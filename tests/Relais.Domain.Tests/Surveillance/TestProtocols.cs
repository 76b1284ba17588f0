using Relais.Domain.Surveillance;

namespace Relais.Domain.Tests.Surveillance;

/// <summary>Builders for protocol versions in the states the tests need.</summary>
internal static class TestProtocols
{
    public static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 30, 0, TimeSpan.FromHours(1));
    public static readonly Guid Oncologist = Guid.Parse("0197b000-0000-7000-8000-000000000001");
    public static readonly Guid GpRepresentative = Guid.Parse("0197b000-0000-7000-8000-000000000002");

    public static SurveillanceProtocol Draft(ProtocolDefinition definition) => SurveillanceProtocol.Draft(definition, Now);

    public static SurveillanceProtocol Validated(ProtocolDefinition definition)
    {
        var protocol = Draft(definition);
        protocol.Validate(ValidatorRole.Specialist, Oncologist, "Dr Claire Martin, oncologue", Now);
        protocol.Validate(ValidatorRole.GeneralPractitioner, GpRepresentative, "Dr Paul Leroy, médecin généraliste", Now);
        return protocol;
    }

    public static ProtocolDefinition ByCode(string code) => ShippedProtocols.All.Single(p => p.Code == code);

    /// <summary>"M3 2026-04-15 clinical-exam gp": one line of the carnet as a reader checks it against PRODUCT.md §7.</summary>
    public static string Line(CarnetEntry e) => $"M{e.Month} {e.Due:yyyy-MM-dd} {e.Kind.Code()} {e.Performer.Code()}";
}
