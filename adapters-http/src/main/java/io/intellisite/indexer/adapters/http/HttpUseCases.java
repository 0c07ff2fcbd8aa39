package io.intellisite.indexer.adapters.http;

import io.intellisite.indexer.application.port.in.alert.WatchAlertsUseCase;
import io.intellisite.indexer.application.port.in.detection.GetStatsUseCase;
import io.intellisite.indexer.application.port.in.detection.ListDetectionsUseCase;
import io.intellisite.indexer.application.port.in.user.AuthenticateUseCase;
import io.intellisite.indexer.application.port.in.user.ListUsersUseCase;
import io.intellisite.indexer.application.port.in.user.LogInUseCase;
import io.intellisite.indexer.application.port.in.user.RegisterUserUseCase;

/** The use cases the HTTP adapter drives, handed over by the bootstrap. */
public record HttpUseCases(LogInUseCase logIn, AuthenticateUseCase authenticate, RegisterUserUseCase register,
                           ListUsersUseCase listUsers, ListDetectionsUseCase listDetections, GetStatsUseCase stats,
                           WatchAlertsUseCase watchAlerts, RulesHttpService.UseCases rules) {
}
