using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class AldRecordConfiguration : IEntityTypeConfiguration<AldRecord>
{
    public void Configure(EntityTypeBuilder<AldRecord> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Ignore(x => x.Period);
        builder.HasIndex(x => new { x.PatientId, x.From });
        // The reminder scan: records whose reminder day has come and whose GP was not reminded yet.
        builder.HasIndex(x => new { x.RemindOn, x.GpRemindedAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
