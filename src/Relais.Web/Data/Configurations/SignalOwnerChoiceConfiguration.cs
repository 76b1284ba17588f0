using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class SignalOwnerChoiceConfiguration : IEntityTypeConfiguration<SignalOwnerChoice>
{
    public void Configure(EntityTypeBuilder<SignalOwnerChoice> builder)
    {
        // One choice per patient's care team.
        builder.HasKey(c => c.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
