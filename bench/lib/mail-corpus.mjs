// The ingestion bench's corpus: realistic client mail generated from an index, the same every run.
const IT = [
  'Buongiorno, vi scrivo per chiedere un aggiornamento sul progetto del nuovo sito e sulle date di consegna previste.',
  'Gentile Anna, la fattura di marzo non ci è ancora arrivata: potete inviarcela di nuovo? Grazie mille.',
  'Ciao, avremmo bisogno di spostare la riunione di giovedì alla settimana prossima, se per voi va bene.',
];
const EN = [
  'Hello Anna, could you send us an update on the website project and the expected delivery dates?',
  'Hi, the March invoice has not reached us yet: could you please send it again? Many thanks.',
  'Good morning, we need to move Thursday’s meeting to next week if that works for you.',
];

/** A realistic mix: 50% plain, 35% HTML alternative, 15% with a PDF attachment; half Italian, half English. */
export function corpusMessage(i) {
  const italian = i % 2 === 0;
  const text = (italian ? IT : EN)[i % 3].repeat(1 + (i % 4));
  const from = i % 5 === 0 ? `someone${i}@unknown${i % 50}.example` : `contact${i % 200}@client${i % 40}.example`;
  const head = [
    `From: Contact ${i} <${from}>`,
    'To: Anna Ferri <anna@agency.example>',
    `Subject: ${italian ? 'Richiesta' : 'Request'} #${i}`,
    `Date: Mon, 02 Mar 2026 10:${String(i % 60).padStart(2, '0')}:00 +0100`,
    `Message-ID: <bench-${i}@client${i % 40}.example>`,
    ...(i % 7 === 0 && i > 0 ? [`In-Reply-To: <bench-${i - 7}@client${(i - 7) % 40}.example>`] : []),
    'MIME-Version: 1.0',
  ];
  const kind = i % 20 < 10 ? 'plain' : i % 20 < 17 ? 'html' : 'attachment';
  if (kind === 'plain')
    return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text, ''].join('\r\n');
  const html = `<html><body><p style="color:#333">${text}</p><p><a href="https://client.example/x">link</a> <img src="https://tracker.example/${i}.gif"></p><script>track()</script></body></html>`;
  const alternative = [
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    html,
    '--alt--',
  ];
  if (kind === 'html') return [...head, 'Content-Type: multipart/alternative; boundary="alt"', '', ...alternative, ''].join('\r\n');
  const pdf = Buffer.alloc(40_000 + (i % 10) * 10_000, i % 251)
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    ...alternative,
    '--mix',
    `Content-Type: application/pdf; name="offer-${i}.pdf"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="offer-${i}.pdf"`,
    '',
    pdf,
    '--mix--',
    '',
  ].join('\r\n');
}
