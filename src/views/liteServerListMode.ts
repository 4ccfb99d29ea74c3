import type * as vscode from 'vscode';

const ALL_USERS_REGIONS = 'modelarts.liteServers.allUsersRegions';

/** Whose Lite Servers each region's category lists: the caller's (the default) or every user's of the tenant; remembered across sessions. */
export class LiteServerListMode {
  constructor(private readonly memento: vscode.Memento) {}

  listsAllUsers(region: string): boolean {
    return this.allUsersRegions().includes(region);
  }

  async setListsAllUsers(region: string, allUsers: boolean): Promise<void> {
    const others = this.allUsersRegions().filter((candidate) => candidate !== region);
    await this.memento.update(ALL_USERS_REGIONS, allUsers ? [...others, region] : others);
  }

  private allUsersRegions(): readonly string[] {
    return this.memento.get<string[]>(ALL_USERS_REGIONS, []);
  }
}
