// A private Dovecot IMAP server for one test file: its own config, state, logs and maildirs in a temporary
// directory, on a free loopback port. Needs the Debian package dovecot-imapd (CI installs it).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((candidate) => existsSync(candidate));

export const IMAP_USER = 'user@example.test';
/** Distinctive, so a test can search logs and responses for it. */
export const IMAP_PASSWORD = 'Dovecot-Pa55-7Qx';

async function waitForPort(port: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `withoutIdle`: the server does not advertise IDLE (as some do), so Baton must fall back to polling. */
export async function startDovecot({ withoutIdle = false }: { withoutIdle?: boolean } = {}) {
  if (!DOVECOT) throw new Error('Dovecot is not installed: apt-get install -y dovecot-imapd (the IMAP tests run a real server)');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-dovecot-'));
  // Dovecot's auth and mail processes run as other users: they must be able to traverse the directory.
  await chmod(dir, 0o755);
  const port = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  await writeFile(path.join(dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}\n`);
  await writeFile(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
${withoutIdle ? 'imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS' : ''}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  await run('mkdir', ['-p', `${dir}/mail`, `${dir}/run`, `${dir}/state`]);
  await run('chown', ['-R', 'nobody', `${dir}/mail`]);
  // The daemon keeps inherited pipes open: no stdio, wait only for the launcher to exit.
  const launcher = spawn(DOVECOT, ['-c', conf], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    launcher.once('error', reject);
    launcher.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`dovecot -c ${conf} exited with ${code}: see ${dir}/dovecot.log`);
  await waitForPort(port);
  let delivered = 0;
  return {
    port,
    dir,
    /**
     * Delivers messages straight into the user's Maildir (tmp/ then rename into new/, as a local delivery agent
     * does), each with its arrival time (the IMAP INTERNALDATE). Much faster than IMAP APPEND for a large mailbox.
     */
    async deliver(messages: { raw: Buffer; arrivedAt: Date }[], user = IMAP_USER) {
      // Owned by the user the mail processes run as (nobody) before Dovecot can see them.
      const idOf = async (flag: string) => Number((await run('id', [flag, 'nobody'])).stdout.trim());
      const uid = await idOf('-u');
      const gid = await idOf('-g');
      const maildir = path.join(dir, 'mail', user, 'Maildir');
      for (const sub of ['', 'tmp', 'new', 'cur']) {
        await mkdir(path.join(maildir, sub), { recursive: true });
        await chown(path.join(maildir, sub), uid, gid);
      }
      await chown(path.join(dir, 'mail', user), uid, gid);
      for (const { raw, arrivedAt } of messages) {
        delivered += 1;
        // Unique names that sort in delivery order (Dovecot gives new files their UIDs sorted by name).
        const name = `${Math.floor(Date.now() / 1000)}.M${String(delivered).padStart(7, '0')}P${process.pid}.baton-test`;
        const temporary = path.join(maildir, 'tmp', name);
        await writeFile(temporary, raw);
        await chown(temporary, uid, gid);
        await utimes(temporary, arrivedAt, arrivedAt);
        await rename(temporary, path.join(maildir, 'new', name));
      }
    },
    /** Drops every IMAP connection of the user, as a server restart or a network cut would. */
    async kick(user = IMAP_USER) {
      await run('doveadm', ['-c', conf, 'kick', user]);
    },
    /** The user's open IMAP connections right now (one line each in `doveadm who -1`). */
    async connections(user = IMAP_USER) {
      const { stdout } = await run('doveadm', ['-c', conf, 'who', '-1']);
      return stdout.split('\n').filter((line) => line.startsWith(`${user} `)).length;
    },
    async stop() {
      await new Promise((resolve) =>
        spawn('doveadm', ['-c', conf, 'stop'], { stdio: 'ignore' }).once('close', resolve).once('error', resolve),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
export type Dovecot = Awaited<ReturnType<typeof startDovecot>>;
