using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Surveillance;

namespace Relais.Web.Data.Configurations;

public sealed class SurveillanceProtocolConfiguration : IEntityTypeConfiguration<SurveillanceProtocol>
{
    public void Configure(EntityTypeBuilder<SurveillanceProtocol> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Code, p.Version }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(60);
        // A protocol version is data, stored in its own exchange format (the JSON authors import and export).
        builder.Property(p => p.Definition)
            .HasConversion(d => ProtocolJson.Export(d), json => ProtocolJson.Import(json).Definition!,
                new ValueComparer<ProtocolDefinition>((x, y) => ProtocolJson.Export(x!) == ProtocolJson.Export(y!), d => ProtocolJson.Export(d).GetHashCode(), d => d))
            .HasColumnName("DefinitionJson");
        builder.OwnsOne(p => p.SpecialistValidation, v =>
        {
            v.Property(x => x.Role).HasColumnName("SpecialistValidationRole");
            v.Property(x => x.By).HasColumnName("SpecialistValidationBy");
            v.Property(x => x.Name).HasColumnName("SpecialistValidationName").HasMaxLength(200);
            v.Property(x => x.At).HasColumnName("SpecialistValidationAt");
        });
        builder.OwnsOne(p => p.GpValidation, v =>
        {
            v.Property(x => x.Role).HasColumnName("GpValidationRole");
            v.Property(x => x.By).HasColumnName("GpValidationBy");
            v.Property(x => x.Name).HasColumnName("GpValidationName").HasMaxLength(200);
            v.Property(x => x.At).HasColumnName("GpValidationAt");
        });
        builder.Ignore(p => p.Status);
        builder.Ignore(p => p.Title);
        builder.Ignore(p => p.Kind);
        builder.Ignore(p => p.RuleSet);
    }
}
