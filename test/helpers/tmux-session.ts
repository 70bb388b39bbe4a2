import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const POLL_MS = 10;

/**
 * A command running in a real pseudo-terminal: a detached tmux session on a private server. Tests type
 * keys into it and read the screen, with its scrollback, as a person would see it.
 */
export class TmuxSession {
  readonly #socket = `cnireport-${process.pid}-${randomBytes(4).toString('hex')}`;

  /** Runs `command` in `cwd`; when it ends, `[exit <code>]` is printed and the pane stays. */
  constructor(command: string, cwd: string) {
    this.#tmux(
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      '200',
      '-y',
      '50',
      '-c',
      cwd,
      `${command}; echo "[exit $?]"; sleep 600`,
    );
  }

  /** The whole screen and its scrollback, wrapped lines joined. */
  screen(): string {
    return this.#tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');
  }

  /** tmux key names (Enter, Down, Space, C-c, C-u) or literal text. */
  keys(...keys: string[]): void {
    this.#tmux('send-keys', '-t', 'main', ...keys);
  }

  type(text: string): void {
    this.#tmux('send-keys', '-t', 'main', '-l', text);
  }

  /** The exit code once the command has ended, else undefined. */
  exitCode(): number | undefined {
    const match = /^\[exit (\d+)\]$/m.exec(this.screen());
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }

  async waitFor<T>(
    probe: (screen: string) => T | undefined | false,
    what: string,
    timeoutMs = 5_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      const found = probe(screen);
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Closes the terminal: the processes in it get SIGHUP. */
  kill(): void {
    try {
      this.#tmux('kill-server');
    } catch {
      // already gone
    }
  }

  #tmux(...args: string[]): string {
    // The interview refuses to run under CI; the session is a terminal like any user's.
    const { CI: _ci, ...env } = process.env;
    return execFileSync('tmux', ['-L', this.#socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
}
