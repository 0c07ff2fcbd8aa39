package io.intellisite.indexer.adapters.http;

import io.intellisite.indexer.application.port.in.AuthenticateUseCase;
import io.intellisite.indexer.application.port.in.GetStatsUseCase;
import io.intellisite.indexer.application.port.in.ListDetectionsUseCase;
import io.intellisite.indexer.application.port.in.ListUsersUseCase;
import io.intellisite.indexer.application.port.in.LogInUseCase;
import io.intellisite.indexer.application.port.in.RegisterUserUseCase;
import io.intellisite.indexer.application.port.in.WatchAlertsUseCase;

/** The use cases the HTTP adapter drives, handed over by the bootstrap. */
public record HttpUseCases(LogInUseCase logIn, AuthenticateUseCase authenticate, RegisterUserUseCase register,
                           ListUsersUseCase listUsers, ListDetectionsUseCase listDetections, GetStatsUseCase stats,
                           WatchAlertsUseCase watchAlerts, RulesHttpService.UseCases rules) {
}
