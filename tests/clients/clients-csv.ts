/** A Baton-format file of `count` clients with one contact each. */
export function generateClientsCsv(count: number, { tier = 'standard' } = {}) {
  const lines = ['name,domains,tier,status,language,contact_name,contact_role,contact_email,contact_phone,notes'];
  for (let index = 0; index < count; index += 1)
    lines.push(
      `Client ${index} S.r.l.,client-${index}.example,${tier},active,it,Person ${index},CEO,person.${index}@client-${index}.example,+39 02 555 ${String(index).padStart(4, '0')},"Notes, with a comma"`,
    );
  return `${lines.join('\n')}\n`;
}
