using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Alerts;
using Relais.Domain.Patients;
using Relais.Domain.Surveillance;

namespace Relais.Web.Data.Configurations;

public sealed class SurveillanceProtocolConfiguration : IEntityTypeConfiguration<SurveillanceProtocol>
{
    public void Configure(EntityTypeBuilder<SurveillanceProtocol> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.Code, p.Version }).IsUnique();
        b.Property(p => p.Code).HasMaxLength(60);
        // A protocol version is data, stored in its own exchange format (the JSON authors import and export).
        b.Property(p => p.Definition)
            .HasConversion(d => ProtocolJson.Export(d), json => ProtocolJson.Import(json).Definition!,
                new ValueComparer<ProtocolDefinition>((x, y) => ProtocolJson.Export(x!) == ProtocolJson.Export(y!), d => ProtocolJson.Export(d).GetHashCode(), d => d))
            .HasColumnName("DefinitionJson");
        b.OwnsOne(p => p.SpecialistValidation, v =>
        {
            v.Property(x => x.Role).HasColumnName("SpecialistValidationRole");
            v.Property(x => x.By).HasColumnName("SpecialistValidationBy");
            v.Property(x => x.Name).HasColumnName("SpecialistValidationName").HasMaxLength(200);
            v.Property(x => x.At).HasColumnName("SpecialistValidationAt");
        });
        b.OwnsOne(p => p.GpValidation, v =>
        {
            v.Property(x => x.Role).HasColumnName("GpValidationRole");
            v.Property(x => x.By).HasColumnName("GpValidationBy");
            v.Property(x => x.Name).HasColumnName("GpValidationName").HasMaxLength(200);
            v.Property(x => x.At).HasColumnName("GpValidationAt");
        });
        b.Ignore(p => p.Status);
        b.Ignore(p => p.Title);
        b.Ignore(p => p.Kind);
        b.Ignore(p => p.RuleSet);
    }
}

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.PatientId);
        b.Property(e => e.ProtocolCode).HasMaxLength(60);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CarnetItemConfiguration : IEntityTypeConfiguration<CarnetItem>
{
    public void Configure(EntityTypeBuilder<CarnetItem> b)
    {
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.PatientId, i.Due });
        // The GP worklist and the reminder scan: planned items by due date.
        b.HasIndex(i => new { i.Status, i.Due });
        b.Property(i => i.Result).HasMaxLength(2000);
        b.Property(i => i.CancelReason).HasMaxLength(500);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(i => i.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.Token).IsUnique();
        b.HasIndex(f => new { f.CreatedBy, f.Owner });
        b.Property(f => f.Token).HasMaxLength(64);
        b.Ignore(f => f.Active);
    }
}

public sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.HasKey(o => o.Id);
        // The series of one marker of one patient: what every rule reads when a result arrives.
        b.HasIndex(o => new { o.PatientId, o.Code, o.Effective });
        b.Property(o => o.Value).HasPrecision(12, 3);
        b.Property(o => o.UpperLimit).HasPrecision(12, 3);
        b.Property(o => o.Unit).HasMaxLength(10);
        b.Property(o => o.Laboratory).HasMaxLength(200);
        b.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StoredAlertConfiguration : IEntityTypeConfiguration<StoredAlert>
{
    public void Configure(EntityTypeBuilder<StoredAlert> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.PatientId, a.RaisedAt });
        b.HasIndex(a => new { a.HandledAt, a.Severity });
        b.Property(a => a.Rule).HasMaxLength(60);
        b.Property(a => a.ProtocolCode).HasMaxLength(60);
        b.Property(a => a.Explanation).HasMaxLength(2000);
        b.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
